import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import type { HashMapContext } from "../context.js";
import { check, idInput, NamedInput, Uuid } from "../inputs.js";
import { Group, GroupList, type Mapping, MappingList, type Threshold, ThresholdList } from "../models.js";
import { H } from "./paths.js";

const GroupRef = lazySchema(() => idInput("groupId"));

/** `GET …/groups`. @public */
export async function listGroups(
  ctx: HashMapContext,
  _input: Record<string, never> = {},
  options?: CallOptions,
): Promise<Group[]> {
  return (await ctx.http.request({ ...options, method: "GET", path: `${H}/groups`, schema: GroupList })).data
    .groups;
}

/** `GET …/groups/{id}`. @public */
export async function getGroup(
  ctx: HashMapContext,
  input: { groupId: string },
  options?: CallOptions,
): Promise<Group> {
  const { groupId: id } = check(GroupRef, input);
  const path = `${H}/groups/{id}`;
  return (await ctx.http.request({ ...options, method: "GET", path, pathParams: { id }, schema: Group }))
    .data;
}

/** `POST …/groups`. @public */
export async function createGroup(
  ctx: HashMapContext,
  input: { name: string },
  options?: CallOptions,
): Promise<Group> {
  const body = check(NamedInput, input);
  return (await ctx.http.request({ ...options, method: "POST", path: `${H}/groups`, body, schema: Group }))
    .data;
}

/** Input of `groups.delete`. @public */
export interface DeleteGroupInput {
  /** The group's UUID. */
  groupId: string;
  /** Also delete the group's mappings and thresholds (default: keep them, ungrouped). */
  recursive?: boolean | undefined;
}

const DeleteGroup = lazySchema(() => z.strictObject({ groupId: Uuid, recursive: z.boolean().optional() }));

/**
 * `DELETE …/groups/{id}`. `recursive` travels in the JSON body: the server reads the query's
 * `?recursive=false` as true (bool of a non-empty string) and would delete the rules (cloudkitty.md §4).
 * @public
 */
export async function deleteGroup(
  ctx: HashMapContext,
  input: DeleteGroupInput,
  options?: CallOptions,
): Promise<void> {
  const { groupId: id, recursive } = check(DeleteGroup, input);
  const body = recursive ? { recursive: true } : undefined;
  await ctx.http.request({
    ...options,
    method: "DELETE",
    path: `${H}/groups/{id}`,
    pathParams: { id },
    body,
  });
}

/** `GET …/groups/{id}/mappings`: the group's mappings. @public */
export async function listGroupMappings(
  ctx: HashMapContext,
  input: { groupId: string },
  options?: CallOptions,
): Promise<Mapping[]> {
  const { groupId: id } = check(GroupRef, input);
  const path = `${H}/groups/{id}/mappings`;
  return (
    await ctx.http.request({ ...options, method: "GET", path, pathParams: { id }, schema: MappingList })
  ).data.mappings;
}

/** `GET …/groups/{id}/thresholds`: the group's thresholds. @public */
export async function listGroupThresholds(
  ctx: HashMapContext,
  input: { groupId: string },
  options?: CallOptions,
): Promise<Threshold[]> {
  const { groupId: id } = check(GroupRef, input);
  const path = `${H}/groups/{id}/thresholds`;
  const schema = ThresholdList;
  return (await ctx.http.request({ ...options, method: "GET", path, pathParams: { id }, schema })).data
    .thresholds;
}
