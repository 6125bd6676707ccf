import type { CallOptions } from "@meterkit/core";
import { z } from "zod";
import type { ClientContext } from "../context.js";
import { send } from "../http/send.js";
import { check, Uuid } from "../input/common.js";
import { type PlanPeriod, PlanPeriodSchema } from "../schemas/plan-period.js";
import { type ProjectUser, ProjectUserSchema } from "../schemas/team.js";

/**
 * Which route serves a resource's `team/` and `plan_periods/`: both exist on current servers; legacy
 * servers only have `marketplace-resources/`.
 * @public
 */
export type ResourceView = "provider" | "consumer";

/** Call options of resource reads: pick the route with `view`. @public */
export interface ResourceReadOptions extends CallOptions {
  /** `"provider"` (default on current servers): `marketplace-provider-resources/`; `"consumer"`: `marketplace-resources/`. */
  view?: ResourceView | undefined;
}

const Input = z.object({ resourceUuid: Uuid, view: z.enum(["provider", "consumer"]).optional() });

function route(ctx: ClientContext, view: ResourceView | undefined): string {
  if (ctx.generation === "legacy") return "marketplace-resources";
  return view === "consumer" ? "marketplace-resources" : "marketplace-provider-resources";
}

async function read<T>(
  ctx: ClientContext,
  action: string,
  resourceUuid: string,
  item: z.ZodType<T>,
  options?: ResourceReadOptions,
) {
  const { view, ...call } = options ?? {};
  const input = check(Input, { resourceUuid, view });
  const response = await send(ctx, {
    ...call,
    method: "GET",
    path: `/${route(ctx, input.view)}/{uuid}/${action}/`,
    pathParams: { uuid: input.resourceUuid },
    schema: z.array(item),
  });
  return response.data;
}

/** `GET …/{uuid}/team/`: the members of the resource's project (seed: `marketplace_resource_get_team`). @internal */
export function getTeam(
  ctx: ClientContext,
  resourceUuid: string,
  options?: ResourceReadOptions,
): Promise<ProjectUser[]> {
  return read(ctx, "team", resourceUuid, ProjectUserSchema, options);
}

/** `GET …/{uuid}/plan_periods/`: open billing periods (seed: `marketplace_resource_get_plan_periods`). @internal */
export function getPlanPeriods(
  ctx: ClientContext,
  resourceUuid: string,
  options?: ResourceReadOptions,
): Promise<PlanPeriod[]> {
  return read(ctx, "plan_periods", resourceUuid, PlanPeriodSchema, options);
}
