/**
 * Mappings and thresholds share every endpoint shape, so one implementation serves both
 * (`…/mappings` and `…/thresholds`, cloudkitty.md §5.3, §6).
 */
import { type CallOptions, type HttpClient, validateInput } from "@meterkit/core";
import type { z } from "zod";
import { call } from "../call.js";
import { HashMapHttpError } from "../errors.js";
import { NEWER_FILTERS, PKG, RuleFilter, Uuid } from "../inputs.js";
import { Group } from "../models.js";
import { H } from "./paths.js";

const NEWER_FIELDS = ["name", "description", "start", "end"] as const;

/** What differs between mappings and thresholds. @internal */
export interface RuleKind<T> {
  collection: "mappings" | "thresholds";
  idKey: "mapping_id" | "threshold_id";
  item: z.ZodType<T>;
  list: z.ZodType<Record<string, T[]>>;
  /** The attributes a PUT must carry besides type/cost/group/tenant (it resets what is left out). */
  ownKeys: readonly ("value" | "level")[];
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

/** `GET …/{collection}` with filters; false booleans are left out (the server reads any value as true). @internal */
export async function listRules<T>(
  kind: RuleKind<T>,
  http: HttpClient,
  filter: RuleFilter,
  options?: CallOptions,
): Promise<T[]> {
  const f = validateInput(RuleFilter, filter, { package: PKG, root: "filter" });
  const query: Record<string, string | true | undefined> = {
    service_id: f.service_id,
    field_id: f.field_id,
    group_id: f.group_id,
    no_group: f.no_group ? true : undefined,
    // The server ignores tenant_id unless filter_tenant is present; then a missing tenant_id means "no tenant".
    filter_tenant: f.tenant_id !== undefined ? true : undefined,
    tenant_id: f.tenant_id ?? undefined,
  };
  const newer: string[] = [];
  for (const key of NEWER_FILTERS) {
    const value = f[key];
    if (value === undefined || value === false) continue;
    newer.push(key);
    query[key] = value === true ? true : (iso(value) as string);
  }
  const data = await call(
    http,
    { method: "GET", path: `${H}/${kind.collection}`, query, schema: kind.list, newer },
    options,
  );
  return data[kind.collection] ?? [];
}

/** `GET …/{collection}/{id}`. @internal */
export async function getRule<T>(
  kind: RuleKind<T>,
  http: HttpClient,
  id: string,
  options?: CallOptions,
): Promise<T> {
  const valid = validateInput(Uuid, id, { package: PKG, root: kind.idKey });
  return call(
    http,
    { method: "GET", path: `${H}/${kind.collection}/{id}`, pathParams: { id: valid }, schema: kind.item },
    options,
  );
}

/** `POST …/{collection}` with an already validated body. @internal */
export async function createRule<T>(
  kind: RuleKind<T>,
  http: HttpClient,
  parsed: Record<string, unknown>,
  options?: CallOptions,
): Promise<T> {
  const body = defined(parsed);
  const newer = NEWER_FIELDS.filter((k) => body[k] !== undefined);
  return call(
    http,
    { method: "POST", path: `${H}/${kind.collection}`, body, schema: kind.item, newer },
    options,
  );
}

/**
 * Update: GET the rule, merge the patch, PUT the whole object (the server resets whatever a PUT leaves out:
 * `type` to flat, `tenant_id` to null), accept its `302` to itself, then GET the result.
 * @internal
 */
export async function updateRule<T extends Record<string, unknown>>(
  kind: RuleKind<T>,
  http: HttpClient,
  id: string,
  patch: Record<string, unknown>,
  options?: CallOptions,
): Promise<T> {
  const current = await getRule(kind, http, id, options);
  if (patch.value !== undefined && current.service_id) {
    validateInput(
      { safeParse: () => fail("value", "cannot be set on a service mapping (it applies to every usage)") },
      patch,
      {
        package: PKG,
        root: "patch",
      },
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
  for (const key of NEWER_FIELDS) body[key] = patch[key] ?? current[key] ?? undefined;
  const sent = defined(body);
  const newer = NEWER_FIELDS.filter((k) => patch[k] !== undefined);
  const path = `${H}/${kind.collection}/{id}`;
  await call(
    http,
    { method: "PUT", path, pathParams: { id: current[kind.idKey] as string }, body: sent, newer },
    options,
  );
  return getRule(kind, http, id, options);
}

function fail(path: string, message: string) {
  return { success: false as const, error: { issues: [{ path: [path], message }] } };
}

/** `DELETE …/{collection}/{id}`. @internal */
export async function deleteRule<T>(
  kind: RuleKind<T>,
  http: HttpClient,
  id: string,
  options?: CallOptions,
): Promise<void> {
  const valid = validateInput(Uuid, id, { package: PKG, root: kind.idKey });
  await call(
    http,
    { method: "DELETE", path: `${H}/${kind.collection}/{id}`, pathParams: { id: valid } },
    options,
  );
}

/**
 * `GET …/{collection}/group?{idKey}=`: the rule's group, or `null` when it has none. The server answers the
 * same 404 for "no group" and "no such rule", so a 404 is followed by a GET of the rule to tell them apart.
 * @internal
 */
export async function getRuleGroup<T>(
  kind: RuleKind<T>,
  http: HttpClient,
  id: string,
  options?: CallOptions,
): Promise<Group | null> {
  const valid = validateInput(Uuid, id, { package: PKG, root: kind.idKey });
  try {
    const query = { [kind.idKey]: valid };
    return await call(
      http,
      { method: "GET", path: `${H}/${kind.collection}/group`, query, schema: Group },
      options,
    );
  } catch (error) {
    if (!(error instanceof HashMapHttpError) || error.status !== 404) throw error;
    await getRule(kind, http, valid, options);
    return null;
  }
}
