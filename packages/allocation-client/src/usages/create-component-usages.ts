import type { CallOptions } from "@meterkit/core";
import { z } from "zod";
import type { WaldurContext } from "../context.js";
import { check, Uuid } from "../input/common.js";

/**
 * One usage to report. The component is named by `type` (the wire key); `componentType` is accepted too,
 * because the Puhuri SDK guide (and the seed) spell it that way.
 * @public
 */
export interface ComponentUsage {
  /** The offering component's `type`, e.g. `cpu_k_hours`. */
  type?: string;
  /** Alias of `type`. */
  componentType?: string;
  /** Amount used in the period. Legacy servers take integers; current ones decimals with 2 places. */
  amount: number | string;
  /** Free text; default `""` (as the reference sends). */
  description?: string;
  /** Current servers: repeat the value in later periods. */
  recurring?: boolean;
}

/** What to report usages against: a plan period (both generations) or a resource (current servers). @public */
export interface CreateComponentUsagesInput {
  /** UUID of the plan period, from `resources.getPlanPeriods()`. */
  planPeriodUuid?: string;
  /** UUID of the resource (current servers, MasterMind ≥ 6.3.8): the server picks the period. */
  resourceUuid?: string;
  usages: readonly ComponentUsage[];
  /** Current servers: the date the usages belong to. */
  date?: Date | string;
}

/** A key legacy servers do not know: absent is fine, any value is refused before sending. */
function refused(hint: string) {
  return z.never({ error: `is not accepted by legacy (5.4) servers${hint}` }).optional();
}

const decimal2 = /^-?\d+(?:\.\d{1,2})?$/;
const integer = /^-?\d+$/;

function usageSchema(legacy: boolean) {
  const pattern = legacy ? integer : decimal2;
  const amountMessage = legacy
    ? "must be an integer on legacy (5.4) servers"
    : "must be a decimal with at most 2 places";
  return z
    .strictObject({
      type: z.string().min(1).optional(),
      componentType: z.string().min(1).optional(),
      amount: z
        .union([z.number().finite(), z.string()])
        .refine((a) => pattern.test(String(a)), amountMessage),
      description: z.string().optional(),
      recurring: legacy ? refused("") : z.boolean().optional(),
    })
    .refine((u) => (u.type ?? u.componentType) !== undefined, { message: "type is required", path: ["type"] })
    .refine((u) => u.type === undefined || u.componentType === undefined || u.type === u.componentType, {
      message: "type and componentType disagree",
      path: ["componentType"],
    });
}

function inputSchema(legacy: boolean) {
  return z
    .strictObject({
      planPeriodUuid: Uuid.optional(),
      resourceUuid: legacy ? refused("; use planPeriodUuid") : Uuid.optional(),
      usages: z.array(usageSchema(legacy)).min(1),
      date: legacy ? refused("") : z.union([z.date(), z.iso.datetime({ offset: true })]).optional(),
    })
    .refine((i) => (i.planPeriodUuid === undefined) !== (i.resourceUuid === undefined), {
      message: "give exactly one of planPeriodUuid and resourceUuid",
      path: ["planPeriodUuid"],
    });
}

/**
 * `POST marketplace-component-usages/set_usage/` (seed: `create_component_usages`). Reporting again in the
 * same month overwrites the value (Waldur keeps one per component, period and month). Answers 201, no body.
 * A 409 is sent again like order actions.
 * @example `await createComponentUsages(ctx, { planPeriodUuid, usages: [{ type: "cpu_k_hours", amount: 10 }] })`
 * @public
 */
export async function createComponentUsages(
  ctx: WaldurContext,
  input: CreateComponentUsagesInput,
  options?: CallOptions,
): Promise<void> {
  const parsed = check(inputSchema(ctx.generation === "legacy"), input, "input");
  const usages = parsed.usages.map((u) => ({
    type: u.type ?? u.componentType,
    amount: u.amount,
    description: u.description ?? "",
    ...(u.recurring === undefined ? {} : { recurring: u.recurring }),
  }));
  const date = parsed.date instanceof Date ? parsed.date.toISOString() : parsed.date;
  await ctx.http.request({
    ...options,
    method: "POST",
    path: "/marketplace-component-usages/set_usage/",
    body: {
      ...(parsed.planPeriodUuid === undefined ? {} : { plan_period: parsed.planPeriodUuid }),
      ...(parsed.resourceUuid === undefined ? {} : { resource: parsed.resourceUuid }),
      usages,
      ...(date === undefined ? {} : { date }),
    },
    retry: ctx.conflictRetry,
  });
}
