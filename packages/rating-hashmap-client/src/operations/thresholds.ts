import type { CallOptions } from "@meterkit/core";
import type { HashMapContext } from "../context.js";
import { CreateThresholdInput, check, type RuleFilter, ThresholdPatch } from "../inputs.js";
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
  inputKey: "thresholdId",
  item: Threshold,
  list: ThresholdList as unknown as RuleKind<Threshold>["list"],
  ownKeys: ["level"],
  patch: ThresholdPatch as unknown as RuleKind<Threshold>["patch"],
};

/** One threshold, by its UUID. @public */
export interface ThresholdRef {
  /** The threshold's UUID. */
  thresholdId: string;
}

/** Input of `thresholds.update`: the threshold and the changes (what is left out keeps its value). @public */
export interface UpdateThresholdInput extends ThresholdRef {
  /** At least one change. */
  patch: ThresholdPatch;
}

/** `GET …/thresholds`: give `service_id`, `field_id` or `group_id`; see {@link RuleFilter} for the rest. @public */
export async function listThresholds(
  ctx: HashMapContext,
  filter: RuleFilter,
  options?: CallOptions,
): Promise<Threshold[]> {
  return listRules(THRESHOLDS, ctx, filter, options);
}

/** `GET …/thresholds/{id}`. @public */
export async function getThreshold(
  ctx: HashMapContext,
  input: ThresholdRef,
  options?: CallOptions,
): Promise<Threshold> {
  return getRule(THRESHOLDS, ctx, input, options);
}

/**
 * `POST …/thresholds`. Exactly one parent (`service_id`: compared with the volume; `field_id`: with the desc
 * value); `level` and `cost` are decimal strings.
 * @public
 */
export async function createThreshold(
  ctx: HashMapContext,
  input: CreateThresholdInput,
  options?: CallOptions,
): Promise<Threshold> {
  return createRule(THRESHOLDS, ctx, check(CreateThresholdInput, input), options);
}

/**
 * Read-merge-write: GET the threshold, apply `patch`, PUT the whole object (a PUT resets whatever it leaves
 * out), then return the threshold as stored.
 * @public
 */
export async function updateThreshold(
  ctx: HashMapContext,
  input: UpdateThresholdInput,
  options?: CallOptions,
): Promise<Threshold> {
  return updateRule(THRESHOLDS, ctx, input, options);
}

/** `DELETE …/thresholds/{id}`. @public */
export async function deleteThreshold(
  ctx: HashMapContext,
  input: ThresholdRef,
  options?: CallOptions,
): Promise<void> {
  return deleteRule(THRESHOLDS, ctx, input, options);
}

/** The threshold's group, or `null` when it has none. @public */
export async function getThresholdGroup(
  ctx: HashMapContext,
  input: ThresholdRef,
  options?: CallOptions,
): Promise<Group | null> {
  return getRuleGroup(THRESHOLDS, ctx, input, options);
}
