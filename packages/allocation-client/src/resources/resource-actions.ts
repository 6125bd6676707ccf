import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import type { WaldurContext } from "../context.js";
import { routesOf } from "../generation.js";
import { check, Uuid } from "../input/common.js";
import { type ReportSection, type ResourceStatus, ResourceStatusSchema } from "../schemas/resource.js";

/** Which resource to link, and the provider's own id for it. @public */
export interface SetBackendIdInput {
  /** UUID of the resource (allocation). */
  resourceUuid: string;
  /** The provider's id, e.g. the project name on the cluster. */
  backendId: string;
}

/** Which resource's access report to replace, and the report. @public */
export interface SubmitReportInput {
  /** UUID of the resource (allocation). */
  resourceUuid: string;
  /** The sections shown to the resource's users; at least one. */
  report: readonly ReportSection[];
}

const SetBackendIdSchema = lazySchema(() => z.strictObject({ resourceUuid: Uuid, backendId: z.string() }));

/**
 * `POST …/{uuid}/set_backend_id/` with `{"backend_id": …}`: link the allocation to the provider's own id
 * (seed: `marketplace_resource_set_backend_id`; current servers only accept it on
 * `marketplace-provider-resources/`). A 409 is sent again like order actions.
 * @example `await setResourceBackendId(ctx, { resourceUuid, backendId: "lumi_project_462000123" })`
 * @public
 */
export async function setResourceBackendId(
  ctx: WaldurContext,
  input: SetBackendIdInput,
  options?: CallOptions,
): Promise<ResourceStatus> {
  const { resourceUuid, backendId } = check(SetBackendIdSchema, input, "input");
  const response = await ctx.http.request({
    ...options,
    method: "POST",
    path: `/${routesOf(ctx.generation).providerResources}/{uuid}/set_backend_id/`,
    pathParams: { uuid: resourceUuid },
    body: { backend_id: backendId },
    schema: ResourceStatusSchema,
    retry: ctx.conflictRetry,
  });
  return response.data;
}

const SubmitReportSchema = lazySchema(() =>
  z.strictObject({
    resourceUuid: Uuid,
    // Waldur: "Report object should contain at least one section."; header and body are required strings.
    report: z.array(z.object({ header: z.string(), body: z.string() })).min(1),
  }),
);

/**
 * `POST …/{uuid}/submit_report/` with `{"report": [{header, body}, …]}`: replace the access report shown
 * to the resource's users (seed: `marketplace_resource_submit_report` with `ResourceReportRecord`s).
 * @example `await submitResourceReport(ctx, { resourceUuid, report: [{ header: "Login", body: "ssh lumi.csc.fi" }] })`
 * @public
 */
export async function submitResourceReport(
  ctx: WaldurContext,
  input: SubmitReportInput,
  options?: CallOptions,
): Promise<ResourceStatus> {
  const { resourceUuid, report } = check(SubmitReportSchema, input, "input");
  const response = await ctx.http.request({
    ...options,
    method: "POST",
    path: `/${routesOf(ctx.generation).providerResources}/{uuid}/submit_report/`,
    pathParams: { uuid: resourceUuid },
    // Only the two keys Waldur knows, whatever else the caller's section objects carry.
    body: { report: report.map(({ header, body }) => ({ header, body })) },
    schema: ResourceStatusSchema,
    retry: ctx.conflictRetry,
  });
  return response.data;
}
