/** The rules the engine prices with: the same objects the HashMap API returns, in the server's order. */
import { buildOnce, lazySchema } from "@meterkit/core";
import { z } from "zod";
import { Field, Group, Mapping, Service, Threshold } from "../models.js";

/** What a rule list may say about a rule being in force, besides `start`/`end`/`deleted`. */
const active = buildOnce(() => ({ is_active: z.boolean().nullish() }));

/**
 * A HashMap rule set. Rules that carry `deleted`, `is_active: false`, or a `start`/`end` (newer servers)
 * that puts them out of force at the engine's `at` are left out, as the server's module leaves them out. Order matters where CloudKitty's does: when two rules share a key (two service
 * mappings of one group, two mappings of one value, two thresholds of one level) the later one wins, and
 * among equal threshold levels the first met wins. `fetchRuleSet` keeps the server's order.
 * @public
 */
export const RuleSet = lazySchema(() =>
  z.object({
    services: z.array(Service),
    fields: z.array(Field).default([]),
    groups: z.array(Group).default([]),
    mappings: z.array(Mapping.extend(active())).default([]),
    thresholds: z.array(Threshold.extend(active())).default([]),
  }),
);
/**
 * A rule set as you pass it to the engine (`fields`, `groups`, `mappings` and `thresholds` may be left out).
 * @public
 */
export type RuleSet = z.input<typeof RuleSet>;
/** @internal */
export type ParsedRuleSet = z.output<typeof RuleSet>;
