/**
 * `POST marketplace-component-usages/set_usage/` (research/wire/waldur.md §2): by `plan_period` (both
 * generations) or `resource` (≥ 6.3.8); one value per component, period and month, overwritten on repeat.
 */
import { randomUUID } from "node:crypto";
import type { PlanPeriodRecord } from "../data.js";
import { type Answer, fieldError, normalizeUuid } from "../http.js";
import type { StandIn } from "../state.js";

interface UsageInput {
  type?: unknown;
  amount?: unknown;
  description?: unknown;
  recurring?: unknown;
}

function findPeriod(s: StandIn, body: Record<string, unknown>): PlanPeriodRecord | Answer {
  if (body.plan_period !== undefined) {
    const uuid = typeof body.plan_period === "string" ? normalizeUuid(body.plan_period) : undefined;
    const period = s.data.planPeriods.find((p) => p.uuid === uuid);
    return (
      period ?? fieldError("plan_period", `Object with uuid=${String(body.plan_period)} does not exist.`)
    );
  }
  if (body.resource !== undefined) {
    const uuid = typeof body.resource === "string" ? normalizeUuid(body.resource) : undefined;
    if (!s.data.resources.some((r) => r.uuid === uuid))
      return fieldError("resource", `Object with uuid=${String(body.resource)} does not exist.`);
    const period = s.data.planPeriods.find((p) => p.resource_uuid === uuid && p.end === null);
    return period ?? fieldError("resource", "Resource does not have an active plan period.");
  }
  return { status: 400, body: { non_field_errors: ["Either plan_period or resource should be provided."] } };
}

function usageErrors(usages: UsageInput[]): Record<string, string[]>[] {
  return usages.map((u) => {
    const e: Record<string, string[]> = {};
    if (typeof u.type !== "string" || u.type === "") e.type = ["This field is required."];
    const amount = typeof u.amount === "number" ? String(u.amount) : u.amount;
    if (typeof amount !== "string" || !/^-?\d+(?:\.\d+)?$/.test(amount))
      e.amount = ["A valid number is required."];
    else if (/\.\d{3,}$/.test(amount)) e.amount = ["Ensure that there are no more than 2 decimal places."];
    if (u.description !== undefined && typeof u.description !== "string")
      e.description = ["Not a valid string."];
    if (u.recurring !== undefined && typeof u.recurring !== "boolean")
      e.recurring = ["Must be a valid boolean."];
    return e;
  });
}

export function setUsage(s: StandIn, raw: unknown): Answer {
  const body = (raw ?? {}) as Record<string, unknown>;
  if (!Array.isArray(body.usages))
    return fieldError(
      "usages",
      body.usages === undefined ? "This field is required." : "Expected a list of items.",
    );
  const usages = body.usages as UsageInput[];
  const errors = usageErrors(usages);
  if (errors.some((e) => Object.keys(e).length)) return { status: 400, body: { usages: errors } };
  const period = findPeriod(s, body);
  if ("status" in period) return period;
  if (period.end !== null && period.end < s.now().toISOString())
    return fieldError("plan_period", "Billing period is closed.");
  const resource = s.data.resources.find((r) => r.uuid === period.resource_uuid);
  if (!resource || !["OK", "Updating", "Terminating"].includes(resource.state))
    return fieldError("resource", "Resource is not in valid state.");
  const offering = s.data.offerings.find((o) => o.uuid === resource.offering_uuid);
  const billable = new Set(
    offering?.components
      .filter((c) => c.billing_type === "usage" || c.billing_type === "limit")
      .map((c) => c.type),
  );
  const invalid = usages.map((u) => String(u.type)).filter((t) => !billable.has(t));
  if (invalid.length)
    return {
      status: 400,
      body: { non_field_errors: [`These components are invalid: ${invalid.join(", ")}.`] },
    };
  const date = s.now().toISOString();
  for (const u of usages) {
    const amount = Number(u.amount).toFixed(2);
    const previous = period.usages.find((x) => x.type === u.type);
    const record = {
      uuid: previous?.uuid ?? randomUUID().replaceAll("-", ""),
      type: String(u.type),
      usage: amount,
      description: String(u.description ?? ""),
      date,
      recurring: u.recurring === true,
    };
    if (previous) Object.assign(previous, record);
    else period.usages.push(record);
  }
  return { status: 201 };
}
