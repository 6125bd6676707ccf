import type { CallOptions } from "@meterkit/core";
import { z } from "zod";
import type { ClientContext } from "../context.js";
import { send } from "../http/send.js";
import { check, Uuid } from "../input/common.js";
import { type ReportSection, type ResourceStatus, ResourceStatusSchema } from "../schemas/resource.js";

const SetBackendIdInput = z.object({ resourceUuid: Uuid, backendId: z.string() });

/**
 * `POST …/{uuid}/set_backend_id/` with `{"backend_id": …}`: link the allocation to the provider's own id
 * (seed: `marketplace_resource_set_backend_id`; current servers only accept it on
 * `marketplace-provider-resources/`).
 * @internal
 */
export async function setBackendId(
  ctx: ClientContext,
  resourceUuid: string,
  backendId: string,
  options?: CallOptions,
): Promise<ResourceStatus> {
  const input = check(SetBackendIdInput, { resourceUuid, backendId });
  const response = await send(ctx, {
    ...options,
    method: "POST",
    path: `/${ctx.routes.providerResources}/{uuid}/set_backend_id/`,
    pathParams: { uuid: input.resourceUuid },
    body: { backend_id: input.backendId },
    schema: ResourceStatusSchema,
  });
  return response.data;
}

const ReportInput = z.object({
  resourceUuid: Uuid,
  // Waldur: "Report object should contain at least one section."; header and body are required strings.
  report: z.array(z.object({ header: z.string(), body: z.string() })).min(1),
});

/**
 * `POST …/{uuid}/submit_report/` with `{"report": [{header, body}, …]}`: replace the access report shown
 * to the resource's users (seed: `marketplace_resource_submit_report` with `ResourceReportRecord`s).
 * @internal
 */
export async function submitReport(
  ctx: ClientContext,
  resourceUuid: string,
  report: readonly ReportSection[],
  options?: CallOptions,
): Promise<ResourceStatus> {
  const input = check(ReportInput, { resourceUuid, report });
  const response = await send(ctx, {
    ...options,
    method: "POST",
    path: `/${ctx.routes.providerResources}/{uuid}/submit_report/`,
    pathParams: { uuid: input.resourceUuid },
    body: { report: input.report.map(({ header, body }) => ({ header, body })) },
    schema: ResourceStatusSchema,
  });
  return response.data;
}
