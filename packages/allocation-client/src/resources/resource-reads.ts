import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import type { WaldurContext } from "../context.js";
import { check, Uuid } from "../input/common.js";
import { type PlanPeriod, PlanPeriodSchema } from "../schemas/plan-period.js";
import { type ProjectUser, ProjectUserSchema } from "../schemas/team.js";

// Built once, on first use, not at every call.
const ProjectUserList = lazySchema(() => z.array(ProjectUserSchema));
const PlanPeriodList = lazySchema(() => z.array(PlanPeriodSchema));

/**
 * Which route serves a resource's `team/` and `plan_periods/`: both exist on current servers; legacy
 * servers only have `marketplace-resources/`.
 * @public
 */
export type ResourceView = "provider" | "consumer";

/** Which resource to read, through which route. @public */
export interface ResourceReadInput {
  /** UUID of the resource (allocation). */
  resourceUuid: string;
  /** `"provider"` (default on current servers): `marketplace-provider-resources/`; `"consumer"`: `marketplace-resources/`. */
  view?: ResourceView | undefined;
}

const Input = lazySchema(() =>
  z.strictObject({ resourceUuid: Uuid, view: z.enum(["provider", "consumer"]).optional() }),
);

function route(ctx: WaldurContext, view: ResourceView | undefined): string {
  if (ctx.generation === "legacy") return "marketplace-resources";
  return view === "consumer" ? "marketplace-resources" : "marketplace-provider-resources";
}

/**
 * `GET …/{uuid}/team/`: the members of the resource's project (seed: `marketplace_resource_get_team`).
 * @example `const team = await getResourceTeam(ctx, { resourceUuid, view: "consumer" })`
 * @public
 */
export async function getResourceTeam(
  ctx: WaldurContext,
  input: ResourceReadInput,
  options?: CallOptions,
): Promise<ProjectUser[]> {
  const { resourceUuid, view } = check(Input, input, "input");
  const response = await ctx.http.request({
    ...options,
    method: "GET",
    path: `/${route(ctx, view)}/{uuid}/team/`,
    pathParams: { uuid: resourceUuid },
    schema: ProjectUserList,
  });
  return response.data;
}

/**
 * `GET …/{uuid}/plan_periods/`: the resource's open billing periods, whose UUIDs usages are reported
 * against (seed: `marketplace_resource_get_plan_periods`).
 * @example `const [period] = await getResourcePlanPeriods(ctx, { resourceUuid })`
 * @public
 */
export async function getResourcePlanPeriods(
  ctx: WaldurContext,
  input: ResourceReadInput,
  options?: CallOptions,
): Promise<PlanPeriod[]> {
  const { resourceUuid, view } = check(Input, input, "input");
  const response = await ctx.http.request({
    ...options,
    method: "GET",
    path: `/${route(ctx, view)}/{uuid}/plan_periods/`,
    pathParams: { uuid: resourceUuid },
    schema: PlanPeriodList,
  });
  return response.data;
}
