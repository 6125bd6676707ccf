/**
 * Taking a rule out of its group. CloudKitty's PUT cannot: it sets a group only when one is given, so a
 * null `group_id` keeps the current group (`update_mapping` in `rating/hash/db/sqlalchemy/api.py`). But the
 * rules' `group_id` columns are `ON DELETE SET NULL`, and deleting a group without `recursive` keeps its
 * rules: so the PUT moves the rule into a new, empty group of its own, and deleting that group leaves the
 * rule (same id, every other attribute as the PUT set it) in no group.
 */
import { randomUUID } from "node:crypto";
import type { CallOptions } from "@meterkit/core";
import type { HashMapContext } from "../context.js";
import { createGroup, deleteGroup } from "./groups.js";

/**
 * Run `put` with the rule moved into a temporary group, then delete that group. If the PUT fails the
 * temporary group is deleted and the PUT's error thrown; the rule then has not changed.
 * @internal
 */
export async function ungroupedUpdate(
  ctx: HashMapContext,
  collection: "mappings" | "thresholds",
  ruleId: string,
  put: (changes: Record<string, unknown>) => Promise<unknown>,
  options?: CallOptions,
): Promise<void> {
  const name = `meterkit-ungroup-${collection}-${ruleId}-${randomUUID().slice(0, 8)}`;
  const temporary = await createGroup(ctx, { name }, options);
  const groupId = temporary.group_id;
  try {
    await put({ group_id: groupId });
  } catch (error) {
    await deleteGroup(ctx, { groupId }, options).catch(() => undefined);
    throw error;
  }
  await deleteGroup(ctx, { groupId }, options);
}
