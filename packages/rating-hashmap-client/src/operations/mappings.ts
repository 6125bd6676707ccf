import { type CallOptions, type HttpClient, validateInput } from "@meterkit/core";
import { CreateMappingInput, MappingPatch, PKG, type RuleFilter } from "../inputs.js";
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
  item: Mapping,
  list: MappingList as unknown as RuleKind<Mapping>["list"],
  ownKeys: ["value"],
};

/** `GET …/mappings`: give `service_id`, `field_id` or `group_id`; see {@link RuleFilter} for the rest. @public */
export async function listMappings(
  http: HttpClient,
  filter: RuleFilter,
  options?: CallOptions,
): Promise<Mapping[]> {
  return listRules(MAPPINGS, http, filter, options);
}

/** `GET …/mappings/{id}`. @public */
export async function getMapping(
  http: HttpClient,
  mappingId: string,
  options?: CallOptions,
): Promise<Mapping> {
  return getRule(MAPPINGS, http, mappingId, options);
}

/**
 * `POST …/mappings`. Exactly one parent (`service_id` or `field_id`); `value` is required for a field
 * mapping and forbidden for a service mapping; `cost` is a decimal string.
 * @public
 */
export async function createMapping(
  http: HttpClient,
  input: CreateMappingInput,
  options?: CallOptions,
): Promise<Mapping> {
  const body = validateInput(CreateMappingInput, input, { package: PKG });
  return createRule(MAPPINGS, http, body, options);
}

/** Read-merge-write update (see `updateRule`); returns the mapping as stored. @public */
export async function updateMapping(
  http: HttpClient,
  mappingId: string,
  patch: MappingPatch,
  options?: CallOptions,
): Promise<Mapping> {
  const parsed = validateInput(MappingPatch, patch, { package: PKG, root: "patch" });
  return updateRule(MAPPINGS, http, mappingId, parsed, options);
}

/** `DELETE …/mappings/{id}`. @public */
export async function deleteMapping(
  http: HttpClient,
  mappingId: string,
  options?: CallOptions,
): Promise<void> {
  return deleteRule(MAPPINGS, http, mappingId, options);
}

/** The mapping's group, or `null` when it has none. @public */
export async function getMappingGroup(
  http: HttpClient,
  mappingId: string,
  options?: CallOptions,
): Promise<Group | null> {
  return getRuleGroup(MAPPINGS, http, mappingId, options);
}
