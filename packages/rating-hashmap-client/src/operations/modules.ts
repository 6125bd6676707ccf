import { type CallOptions, type HttpClient, validateInput } from "@meterkit/core";
import { z } from "zod";
import { call } from "../call.js";
import { PKG } from "../inputs.js";
import { ModuleList, RatingModule } from "../models.js";

const ModuleId = z.string().min(1, "must not be empty");
const ModuleChange = z
  .object({ enabled: z.boolean().optional(), priority: z.number().int("must be an integer").optional() })
  .strict()
  .refine((v) => v.enabled !== undefined || v.priority !== undefined, "give enabled and/or priority");

/** `GET /v1/rating/modules`: every rating module with its state and priority (admin only under Keystone). @public */
export async function listModules(http: HttpClient, options?: CallOptions): Promise<RatingModule[]> {
  return (await call(http, { method: "GET", path: "/v1/rating/modules", schema: ModuleList }, options))
    .modules;
}

/** `GET /v1/rating/modules/{id}`. @public */
export async function getModule(
  http: HttpClient,
  moduleId = "hashmap",
  options?: CallOptions,
): Promise<RatingModule> {
  const id = validateInput(ModuleId, moduleId, { package: PKG, root: "moduleId" });
  return call(
    http,
    { method: "GET", path: "/v1/rating/modules/{id}", pathParams: { id }, schema: RatingModule },
    options,
  );
}

/**
 * `PUT /v1/rating/modules/{id}`: enable/disable the module and/or set its priority, then read it back.
 * The server answers `302` to itself with a `null` body: a success, never followed (cloudkitty.md §5.1).
 * @public
 */
export async function updateModule(
  http: HttpClient,
  moduleId: string,
  change: { enabled?: boolean; priority?: number },
  options?: CallOptions,
): Promise<RatingModule> {
  const id = validateInput(ModuleId, moduleId, { package: PKG, root: "moduleId" });
  const body = validateInput(ModuleChange, change, { package: PKG, root: "change" });
  // module_id is mandatory in the body (its value is ignored); the path names the module.
  await call(
    http,
    { method: "PUT", path: "/v1/rating/modules/{id}", pathParams: { id }, body: { module_id: id, ...body } },
    options,
  );
  return getModule(http, id, options);
}
