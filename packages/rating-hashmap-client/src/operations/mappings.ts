import type { CallOptions } from "@meterkit/core";
import type { HashMapContext } from "../context.js";
import { CreateMappingInput, check, MappingPatch, type RuleFilter } from "../inputs.js";
import { type Group, Mapping, MappingList } from "../models.js";
import {
  createRule,
  deleteRule,
  getRule,
  getRuleGroup,
  listRules,
  type RuleKind,
  updateRule,
} from "./rules.js";

const MAPPINGS: RuleKind<Mapping> = {
  collection: "mappings",
  idKey: "mapping_id",
  inputKey: "mappingId",
  item: Mapping,
  list: MappingList as unknown as RuleKind<Mapping>["list"],
  ownKeys: ["value"],
  patch: MappingPatch as unknown as RuleKind<Mapping>["patch"],
};

/** One mapping, by its UUID. @public */
export interface MappingRef {
  /** The mapping's UUID. */
  mappingId: string;
}

/** Input of `mappings.update`: the mapping and the changes (what is left out keeps its value). @public */
export interface UpdateMappingInput extends MappingRef {
  /** At least one change. */
  patch: MappingPatch;
}

/** `GET …/mappings`: give `service_id`, `field_id` or `group_id`; see {@link RuleFilter} for the rest. @public */
export async function listMappings(
  ctx: HashMapContext,
  filter: RuleFilter,
  options?: CallOptions,
): Promise<Mapping[]> {
  return listRules(MAPPINGS, ctx, filter, options);
}

/** `GET …/mappings/{id}`. @public */
export async function getMapping(
  ctx: HashMapContext,
  input: MappingRef,
  options?: CallOptions,
): Promise<Mapping> {
  return getRule(MAPPINGS, ctx, input, options);
}

/**
 * `POST …/mappings`. Exactly one parent (`service_id` or `field_id`); `value` is required for a field
 * mapping and forbidden for a service mapping; `cost` is a decimal string.
 * @public
 */
export async function createMapping(
  ctx: HashMapContext,
  input: CreateMappingInput,
  options?: CallOptions,
): Promise<Mapping> {
  return createRule(MAPPINGS, ctx, check(CreateMappingInput, input), options);
}

/**
 * Read-merge-write: GET the mapping, apply `patch`, PUT the whole object (a PUT resets whatever it leaves
 * out), then return the mapping as stored.
 * @public
 */
export async function updateMapping(
  ctx: HashMapContext,
  input: UpdateMappingInput,
  options?: CallOptions,
): Promise<Mapping> {
  return updateRule(MAPPINGS, ctx, input, options);
}

/** `DELETE …/mappings/{id}`. @public */
export async function deleteMapping(
  ctx: HashMapContext,
  input: MappingRef,
  options?: CallOptions,
): Promise<void> {
  return deleteRule(MAPPINGS, ctx, input, options);
}

/** The mapping's group, or `null` when it has none. @public */
export async function getMappingGroup(
  ctx: HashMapContext,
  input: MappingRef,
  options?: CallOptions,
): Promise<Group | null> {
  return getRuleGroup(MAPPINGS, ctx, input, options);
}
