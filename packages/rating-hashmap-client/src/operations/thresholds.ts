import { type CallOptions, type HttpClient, validateInput } from "@meterkit/core";
import { CreateThresholdInput, PKG, type RuleFilter, ThresholdPatch } from "../inputs.js";
import { type Group, Threshold, ThresholdList } from "../models.js";
import {
  createRule,
  deleteRule,
  getRule,
  getRuleGroup,
  listRules,
  type RuleKind,
  updateRule,
} from "./rules.js";

const THRESHOLDS: RuleKind<Threshold> = {
  collection: "thresholds",
  idKey: "threshold_id",
  item: Threshold,
  list: ThresholdList as unknown as RuleKind<Threshold>["list"],
  ownKeys: ["level"],
};

/** `GET …/thresholds`: give `service_id`, `field_id` or `group_id`; see {@link RuleFilter} for the rest. @public */
export async function listThresholds(
  http: HttpClient,
  filter: RuleFilter,
  options?: CallOptions,
): Promise<Threshold[]> {
  return listRules(THRESHOLDS, http, filter, options);
}

/** `GET …/thresholds/{id}`. @public */
export async function getThreshold(
  http: HttpClient,
  thresholdId: string,
  options?: CallOptions,
): Promise<Threshold> {
  return getRule(THRESHOLDS, http, thresholdId, options);
}

/**
 * `POST …/thresholds`. Exactly one parent (`service_id`: compared with the volume; `field_id`: with the desc
 * value); `level` and `cost` are decimal strings.
 * @public
 */
export async function createThreshold(
  http: HttpClient,
  input: CreateThresholdInput,
  options?: CallOptions,
): Promise<Threshold> {
  const body = validateInput(CreateThresholdInput, input, { package: PKG });
  return createRule(THRESHOLDS, http, body, options);
}

/** Read-merge-write update (see `updateRule`); returns the threshold as stored. @public */
export async function updateThreshold(
  http: HttpClient,
  thresholdId: string,
  patch: ThresholdPatch,
  options?: CallOptions,
): Promise<Threshold> {
  const parsed = validateInput(ThresholdPatch, patch, { package: PKG, root: "patch" });
  return updateRule(THRESHOLDS, http, thresholdId, parsed, options);
}

/** `DELETE …/thresholds/{id}`. @public */
export async function deleteThreshold(
  http: HttpClient,
  thresholdId: string,
  options?: CallOptions,
): Promise<void> {
  return deleteRule(THRESHOLDS, http, thresholdId, options);
}

/** The threshold's group, or `null` when it has none. @public */
export async function getThresholdGroup(
  http: HttpClient,
  thresholdId: string,
  options?: CallOptions,
): Promise<Group | null> {
  return getRuleGroup(THRESHOLDS, http, thresholdId, options);
}
