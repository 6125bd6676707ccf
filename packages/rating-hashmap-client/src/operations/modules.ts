import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import type { HashMapContext } from "../context.js";
import { check } from "../inputs.js";
import { ModuleList, RatingModule } from "../models.js";

const ModuleId = lazySchema(() => z.string().min(1, "must not be empty"));
const ModuleRef = lazySchema(() => z.strictObject({ moduleId: ModuleId.default("hashmap") }));
// The HashMap module's own switch takes nothing (or only a priority): anything else is a mistake to refuse,
// not a field to pass on (an `enabled: false` slipped into setPriority would turn rating off).
const Nothing = lazySchema(() => z.strictObject({}));
const PriorityOnly = lazySchema(() => z.strictObject({ priority: z.number().int("must be an integer") }));
const ModuleChange = lazySchema(() =>
  z
    .strictObject({
      moduleId: ModuleId,
      enabled: z.boolean().optional(),
      priority: z.number().int("must be an integer").optional(),
    })
    // Named after a field, so the error points somewhere the caller can act on.
    .refine((v) => v.enabled !== undefined || v.priority !== undefined, {
      message: "give enabled and/or priority",
      path: ["enabled"],
    }),
);

/** Input of `modules.update`: the module and at least one change. @public */
export interface UpdateModuleInput {
  /** The module's id, e.g. `hashmap`. */
  moduleId: string;
  /** Enable (true) or disable (false) the module. */
  enabled?: boolean | undefined;
  /** The module's priority (an integer; higher runs first). */
  priority?: number | undefined;
}

/** `GET /v1/rating/modules`: every rating module with its state and priority (admin only under Keystone). @public */
export async function listModules(
  ctx: HashMapContext,
  _input: Record<string, never> = {},
  options?: CallOptions,
): Promise<RatingModule[]> {
  const path = "/v1/rating/modules";
  return (await ctx.http.request({ ...options, method: "GET", path, schema: ModuleList })).data.modules;
}

/** `GET /v1/rating/modules/{id}` (default `hashmap`). @public */
export async function getModule(
  ctx: HashMapContext,
  input: { moduleId?: string | undefined } = {},
  options?: CallOptions,
): Promise<RatingModule> {
  const { moduleId: id } = check(ModuleRef, input);
  const path = "/v1/rating/modules/{id}";
  return (
    await ctx.http.request({ ...options, method: "GET", path, pathParams: { id }, schema: RatingModule })
  ).data;
}

/**
 * `PUT /v1/rating/modules/{id}`: enable/disable the module and/or set its priority, then read it back.
 * The server answers `302` to itself with a `null` body: a success, never followed (cloudkitty.md §5.1).
 * @public
 */
export async function updateModule(
  ctx: HashMapContext,
  input: UpdateModuleInput,
  options?: CallOptions,
): Promise<RatingModule> {
  const { moduleId: id, ...change } = check(ModuleChange, input);
  // module_id is mandatory in the body (its value is ignored); the path names the module.
  const body = { module_id: id, ...change };
  await ctx.http.request({
    ...options,
    method: "PUT",
    path: "/v1/rating/modules/{id}",
    pathParams: { id },
    body,
  });
  return getModule(ctx, { moduleId: id }, options);
}

/** The HashMap module's state and priority. @public */
export async function getHashMapModule(
  ctx: HashMapContext,
  input: Record<string, never> = {},
  options?: CallOptions,
): Promise<RatingModule> {
  check(Nothing, input);
  return getModule(ctx, { moduleId: "hashmap" }, options);
}

/** Enables the HashMap module; returns it as stored. @public */
export async function enableHashMapModule(
  ctx: HashMapContext,
  input: Record<string, never> = {},
  options?: CallOptions,
): Promise<RatingModule> {
  check(Nothing, input);
  return updateModule(ctx, { moduleId: "hashmap", enabled: true }, options);
}

/** Disables the HashMap module; returns it as stored. @public */
export async function disableHashMapModule(
  ctx: HashMapContext,
  input: Record<string, never> = {},
  options?: CallOptions,
): Promise<RatingModule> {
  check(Nothing, input);
  return updateModule(ctx, { moduleId: "hashmap", enabled: false }, options);
}

/** Sets the HashMap module's priority (an integer); returns it as stored. @public */
export async function setHashMapModulePriority(
  ctx: HashMapContext,
  input: { priority: number },
  options?: CallOptions,
): Promise<RatingModule> {
  const { priority } = check(PriorityOnly, input);
  return updateModule(ctx, { moduleId: "hashmap", priority }, options);
}
