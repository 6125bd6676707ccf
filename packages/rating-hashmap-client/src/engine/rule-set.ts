/** The rules the engine prices with: the same objects the HashMap API returns, in the server's order. */
import { z } from "zod";
import { Field, Group, Mapping, Service, Threshold } from "../models.js";

/**
 * A HashMap rule set. Order matters where CloudKitty's does: when two rules share a key (two service
 * mappings of one group, two mappings of one value, two thresholds of one level) the later one wins, and
 * among equal threshold levels the first met wins. `fetchRuleSet` keeps the server's order.
 * @public
 */
export const RuleSet = z.object({
  services: z.array(Service),
  fields: z.array(Field).default([]),
  groups: z.array(Group).default([]),
  mappings: z.array(Mapping).default([]),
  thresholds: z.array(Threshold).default([]),
});
/**
 * A rule set as you pass it to the engine (`fields`, `groups`, `mappings` and `thresholds` may be left out).
 * @public
 */
export type RuleSet = z.input<typeof RuleSet>;
/** @internal */
export type ParsedRuleSet = z.output<typeof RuleSet>;
