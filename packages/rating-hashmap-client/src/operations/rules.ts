/**
 * Mappings and thresholds share every endpoint shape, so one implementation serves both
 * (`…/mappings` and `…/thresholds`, cloudkitty.md §5.3, §6).
 */
import { type CallOptions, isSdkError } from "@meterkit/core";
import { z } from "zod";
import type { HashMapContext } from "../context.js";
import { check, NEWER_FILTERS, NEWER_RULE_FIELDS, RuleFilter, Uuid } from "../inputs.js";
import { Group } from "../models.js";
import { H } from "./paths.js";

/** What differs between mappings and thresholds. @internal */
export interface RuleKind<T> {
  collection: "mappings" | "thresholds";
  /** The id's name in the server's objects and queries. */
  idKey: "mapping_id" | "threshold_id";
  /** The id's name in the operations' input. */
  inputKey: "mappingId" | "thresholdId";
  item: z.ZodType<T>;
  list: z.ZodType<Record<string, T[]>>;
  /** The attributes a PUT must carry besides type/cost/group/tenant (it resets what is left out). */
  ownKeys: readonly ("value" | "level")[];
  /** The schema of an update's `patch`. */
  patch: z.ZodType<Record<string, unknown>>;
}

function iso(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

function defined(entries: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(entries)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, iso(v)]),
  );
}

function idOf<T>(kind: RuleKind<T>, input: unknown): string {
  return check(z.strictObject({ [kind.inputKey]: Uuid }), input)[kind.inputKey] as string;
}

/** `GET …/{collection}` with filters; false booleans are left out (the server reads any value as true). @internal */
export async function listRules<T>(
  kind: RuleKind<T>,
  ctx: HashMapContext,
  filter: RuleFilter,
  options?: CallOptions,
): Promise<T[]> {
  const f = check(RuleFilter, filter);
  const query: Record<string, string | true | undefined> = {
    service_id: f.service_id,
    field_id: f.field_id,
    group_id: f.group_id,
    no_group: f.no_group ? true : undefined,
    // The server ignores tenant_id unless filter_tenant is present; then a missing tenant_id means "no tenant".
    filter_tenant: f.tenant_id !== undefined ? true : undefined,
    tenant_id: f.tenant_id ?? undefined,
  };
  for (const key of NEWER_FILTERS) {
    const value = f[key];
    if (value === undefined || value === false) continue;
    query[key] = value === true ? true : (iso(value) as string);
  }
  const path = `${H}/${kind.collection}`;
  const response = await ctx.http.request({ ...options, method: "GET", path, query, schema: kind.list });
  return response.data[kind.collection] ?? [];
}

/** `GET …/{collection}/{id}` of an already validated id. */
async function fetchRule<T>(kind: RuleKind<T>, ctx: HashMapContext, id: string, options?: CallOptions) {
  const path = `${H}/${kind.collection}/{id}`;
  return (await ctx.http.request({ ...options, method: "GET", path, pathParams: { id }, schema: kind.item }))
    .data;
}

/** `GET …/{collection}/{id}`. @internal */
export async function getRule<T>(
  kind: RuleKind<T>,
  ctx: HashMapContext,
  input: unknown,
  options?: CallOptions,
): Promise<T> {
  return fetchRule(kind, ctx, idOf(kind, input), options);
}

/** `POST …/{collection}` with an already validated body. @internal */
export async function createRule<T>(
  kind: RuleKind<T>,
  ctx: HashMapContext,
  parsed: Record<string, unknown>,
  options?: CallOptions,
): Promise<T> {
  const body = defined(parsed);
  const path = `${H}/${kind.collection}`;
  return (await ctx.http.request({ ...options, method: "POST", path, body, schema: kind.item })).data;
}

/**
 * Update: GET the rule, merge the patch, PUT the whole object (the server resets whatever a PUT leaves out:
 * `type` to flat, `tenant_id` to null), accept its `302` to itself, then GET the result.
 * @internal
 */
export async function updateRule<T extends Record<string, unknown>>(
  kind: RuleKind<T>,
  ctx: HashMapContext,
  input: unknown,
  options?: CallOptions,
): Promise<T> {
  const parsed = check(z.strictObject({ [kind.inputKey]: Uuid, patch: kind.patch }), input);
  const id = parsed[kind.inputKey] as string;
  const patch = parsed.patch as Record<string, unknown>;
  const current = await fetchRule(kind, ctx, id, options);
  if (patch.value !== undefined && current.service_id) {
    check(
      { safeParse: () => fail("value", "cannot be set on a service mapping (it applies to every usage)") },
      patch,
      "patch",
    );
  }
  const body: Record<string, unknown> = {
    type: patch.type ?? current.type,
    cost: patch.cost ?? current.cost,
    group_id: patch.group_id ?? current.group_id ?? undefined,
    tenant_id: "tenant_id" in patch && patch.tenant_id !== undefined ? patch.tenant_id : current.tenant_id,
  };
  for (const key of kind.ownKeys) {
    if (key === "value" && current.service_id) continue;
    body[key] = patch[key] ?? current[key];
  }
  for (const key of NEWER_RULE_FIELDS) body[key] = patch[key] ?? current[key] ?? undefined;
  const path = `${H}/${kind.collection}/{id}`;
  const pathParams = { id: current[kind.idKey] as string };
  await ctx.http.request({ ...options, method: "PUT", path, pathParams, body: defined(body) });
  return fetchRule(kind, ctx, id, options);
}

function fail(path: string, message: string) {
  return { success: false as const, error: { issues: [{ path: [path], message }] } };
}

/** `DELETE …/{collection}/{id}`. @internal */
export async function deleteRule<T>(
  kind: RuleKind<T>,
  ctx: HashMapContext,
  input: unknown,
  options?: CallOptions,
): Promise<void> {
  const id = idOf(kind, input);
  const path = `${H}/${kind.collection}/{id}`;
  await ctx.http.request({ ...options, method: "DELETE", path, pathParams: { id } });
}

/**
 * `GET …/{collection}/group?{idKey}=`: the rule's group, or `null` when it has none. The server answers the
 * same 404 for "no group" and "no such rule", so a 404 is followed by a GET of the rule to tell them apart.
 * @internal
 */
export async function getRuleGroup<T>(
  kind: RuleKind<T>,
  ctx: HashMapContext,
  input: unknown,
  options?: CallOptions,
): Promise<Group | null> {
  const id = idOf(kind, input);
  const path = `${H}/${kind.collection}/group`;
  try {
    const query = { [kind.idKey]: id };
    return (await ctx.http.request({ ...options, method: "GET", path, query, schema: Group })).data;
  } catch (error) {
    if (!isSdkError(error, "http_error") || error.status !== 404) throw error;
    await fetchRule(kind, ctx, id, options);
    return null;
  }
}
