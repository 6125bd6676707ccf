/**
 * Mappings and thresholds share every endpoint shape, so one implementation serves both
 * (`…/mappings` and `…/thresholds`, cloudkitty.md §5.3, §6).
 */
import { type CallOptions, isSdkError } from "@meterkit/core";
import { z } from "zod";
import type { HashMapContext } from "../context.js";
import { UnsupportedByServerError } from "../errors.js";
import { check, idInput, NEWER_RULE_FIELDS, RuleFilter, SENT_NEWER_FILTERS, Uuid } from "../inputs.js";
import { Group } from "../models.js";
import { listFields } from "./fields.js";
import { H } from "./paths.js";
import { listServices } from "./services.js";
import { ungroupedUpdate } from "./ungroup.js";

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

// The inputs of one rule's get, delete and update, built once per kind, not at every call: each new zod
// schema builds its parser again at its first parse.
const inputSchemas = new WeakMap<object, { ref: z.ZodType; update: z.ZodType }>();

function inputsOf<T>(kind: RuleKind<T>): { ref: z.ZodType; update: z.ZodType } {
  let schemas = inputSchemas.get(kind);
  if (schemas === undefined) {
    schemas = {
      ref: idInput(kind.inputKey),
      update: z.strictObject({ [kind.inputKey]: Uuid, patch: kind.patch }),
    };
    inputSchemas.set(kind, schemas);
  }
  return schemas;
}

function idOf<T>(kind: RuleKind<T>, input: unknown): string {
  return (check(inputsOf(kind).ref, input) as Record<string, string>)[kind.inputKey] as string;
}

/**
 * `GET …/{collection}` with filters; false booleans are left out (the server reads any value as true).
 * Without a parent (`all`, or `no_group` alone), the rules of every service and of every field, each list
 * with the same filters: CloudKitty 17 answers those filters alone with a 500 (and `all` with a 400).
 * @internal
 */
export async function listRules<T>(
  kind: RuleKind<T>,
  ctx: HashMapContext,
  filter: RuleFilter,
  options?: CallOptions,
): Promise<T[]> {
  const f = check(RuleFilter, filter);
  const { all: _all, ...rest } = f;
  if (f.service_id === undefined && f.field_id === undefined && f.group_id === undefined) {
    return listEveryParent(kind, ctx, rest, options);
  }
  return listOneParent(kind, ctx, rest, options);
}

type ParsedFilter = Omit<z.output<typeof RuleFilter>, "all">;

async function listOneParent<T>(
  kind: RuleKind<T>,
  ctx: HashMapContext,
  f: ParsedFilter,
  options?: CallOptions,
): Promise<T[]> {
  const query: Record<string, string | true | undefined> = {
    service_id: f.service_id,
    field_id: f.field_id,
    group_id: f.group_id,
    no_group: f.no_group ? true : undefined,
    // The server ignores tenant_id unless filter_tenant is present; then a missing tenant_id means "no tenant".
    filter_tenant: f.tenant_id !== undefined ? true : undefined,
    tenant_id: f.tenant_id ?? undefined,
  };
  for (const key of SENT_NEWER_FILTERS) {
    const value = f[key];
    if (value === undefined || value === false) continue;
    query[key] = value === true ? true : (iso(value) as string);
  }
  const path = `${H}/${kind.collection}`;
  const response = await ctx.http.request({ ...options, method: "GET", path, query, schema: kind.list });
  return response.data[kind.collection] ?? [];
}

/** At most this many of the per-parent lists at once (CloudKitty serves a few requests at a time). */
const LIST_CONCURRENCY = 8;

/** `fn` over `items`, at most `limit` at a time, results in the items' order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < items.length; i = next++) out[i] = await fn(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Every service's rules, then its fields' rules (services in the server's order, fields likewise). */
async function listEveryParent<T>(
  kind: RuleKind<T>,
  ctx: HashMapContext,
  f: ParsedFilter,
  options?: CallOptions,
): Promise<T[]> {
  const services = await listServices(ctx, {}, options);
  const fields = await mapLimited(services, LIST_CONCURRENCY, ({ service_id }) =>
    listFields(ctx, { serviceId: service_id }, options),
  );
  const parents = services.flatMap(({ service_id }, i) => [
    { service_id },
    ...(fields[i] ?? []).map(({ field_id }) => ({ field_id })),
  ]);
  const lists = await mapLimited(parents, LIST_CONCURRENCY, (parent) =>
    listOneParent(kind, ctx, { ...f, ...parent }, options),
  );
  return lists.flat();
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

/**
 * `POST …/{collection}` with an already validated body. `force` goes in the query, and only with a
 * `start`/`end` (what it relaxes), so a `force: true` alone is accepted by every release.
 * @internal
 */
export async function createRule<T>(
  kind: RuleKind<T>,
  ctx: HashMapContext,
  parsed: Record<string, unknown>,
  options?: CallOptions,
): Promise<T> {
  const { force, ...fields } = parsed;
  const body = defined(fields);
  const dated = body.start !== undefined || body.end !== undefined;
  const query = force === true && dated ? { force: true } : undefined;
  const path = `${H}/${kind.collection}`;
  return (await ctx.http.request({ ...options, method: "POST", path, query, body, schema: kind.item })).data;
}

/**
 * Update: GET the rule, merge the patch, PUT the whole object (the server resets whatever a PUT leaves out:
 * `type` to flat, `tenant_id` to null), accept its `302` to itself, then GET the result. `group_id: null`
 * takes the rule out of its group, which no PUT can do (a null group keeps the current one): the PUT moves it
 * into a new temporary group, and deleting that group (without its rules) leaves the rule in none.
 * @internal
 */
export async function updateRule<T extends Record<string, unknown>>(
  kind: RuleKind<T>,
  ctx: HashMapContext,
  input: unknown,
  options?: CallOptions,
): Promise<T> {
  const parsed = check(inputsOf(kind).update, input) as Record<string, unknown>;
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
    group_id: (patch.group_id === null ? undefined : patch.group_id) ?? current.group_id ?? undefined,
    tenant_id: "tenant_id" in patch && patch.tenant_id !== undefined ? patch.tenant_id : current.tenant_id,
  };
  for (const key of kind.ownKeys) {
    // A service mapping keeps the value it has (`""`, or `null` as cloudkitty creates it): a PUT without one
    // would set `""`.
    body[key] = key === "value" && current.service_id ? current[key] : (patch[key] ?? current[key]);
  }
  for (const key of NEWER_RULE_FIELDS) body[key] = patch[key] ?? current[key] ?? undefined;
  const path = `${H}/${kind.collection}/{id}`;
  const pathParams = { id: current[kind.idKey] as string };
  const put = (changes: Record<string, unknown>) =>
    ctx.http.request({ ...options, method: "PUT", path, pathParams, body: defined({ ...body, ...changes }) });
  if (patch.group_id === null && current.group_id) {
    await ungroupedUpdate(ctx, kind.collection, id, put, options);
    const result = await fetchRule(kind, ctx, id, options);
    if (result.group_id !== null) throw new UnsupportedByServerError("group_id", "the rule kept its group");
    return result;
  }
  await put({});
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
