import { type CallOptions, type HttpClient, validateInput } from "@meterkit/core";
import { z } from "zod";
import { call } from "../call.js";
import { NamedInput, PKG, Uuid } from "../inputs.js";
import { Group, GroupList, type Mapping, MappingList, type Threshold, ThresholdList } from "../models.js";
import { H } from "./paths.js";

/** `GET …/groups`. @public */
export async function listGroups(http: HttpClient, options?: CallOptions): Promise<Group[]> {
  return (await call(http, { method: "GET", path: `${H}/groups`, schema: GroupList }, options)).groups;
}

/** `GET …/groups/{id}`. @public */
export async function getGroup(http: HttpClient, groupId: string, options?: CallOptions): Promise<Group> {
  const id = validateInput(Uuid, groupId, { package: PKG, root: "groupId" });
  return call(http, { method: "GET", path: `${H}/groups/{id}`, pathParams: { id }, schema: Group }, options);
}

/** `POST …/groups`. @public */
export async function createGroup(
  http: HttpClient,
  input: { name: string },
  options?: CallOptions,
): Promise<Group> {
  const body = validateInput(NamedInput, input, { package: PKG });
  return call(http, { method: "POST", path: `${H}/groups`, body, schema: Group }, options);
}

/** Options of `groups.delete`. @public */
export interface DeleteGroupOptions extends CallOptions {
  /** Also delete the group's mappings and thresholds (default: keep them, ungrouped). */
  recursive?: boolean;
}

const DeleteGroupFlags = z.object({ recursive: z.boolean().optional() });

/**
 * `DELETE …/groups/{id}`. `recursive` travels in the JSON body: the server reads the query's
 * `?recursive=false` as true (bool of a non-empty string) and would delete the rules (cloudkitty.md §4).
 * @public
 */
export async function deleteGroup(
  http: HttpClient,
  groupId: string,
  options: DeleteGroupOptions = {},
): Promise<void> {
  const id = validateInput(Uuid, groupId, { package: PKG, root: "groupId" });
  const { recursive } = validateInput(DeleteGroupFlags, { recursive: options.recursive }, { package: PKG });
  const body = recursive ? { recursive: true } : undefined;
  await call(http, { method: "DELETE", path: `${H}/groups/{id}`, pathParams: { id }, body }, options);
}

/** `GET …/groups/{id}/mappings`: the group's mappings. @public */
export async function listGroupMappings(
  http: HttpClient,
  groupId: string,
  options?: CallOptions,
): Promise<Mapping[]> {
  const id = validateInput(Uuid, groupId, { package: PKG, root: "groupId" });
  const path = `${H}/groups/{id}/mappings`;
  return (await call(http, { method: "GET", path, pathParams: { id }, schema: MappingList }, options))
    .mappings;
}

/** `GET …/groups/{id}/thresholds`: the group's thresholds. @public */
export async function listGroupThresholds(
  http: HttpClient,
  groupId: string,
  options?: CallOptions,
): Promise<Threshold[]> {
  const id = validateInput(Uuid, groupId, { package: PKG, root: "groupId" });
  const path = `${H}/groups/{id}/thresholds`;
  return (await call(http, { method: "GET", path, pathParams: { id }, schema: ThresholdList }, options))
    .thresholds;
}
