/**
 * Every route of the Waldur stand-in (apps/sandbox), called as the agent calls it, answers what OpenAPI 8.0.5
 * documents for that path, method and status: the status is one the schema lists, "No response body" means
 * none, and a JSON body validates against the documented schema — types, `nullable`, `pattern`, `enum`,
 * `$ref`/`allOf`/`oneOf`, array items (required-ness is not checked: the stand-in renders the fields the
 * clients read, not all of them). Legacy (5.4) routes are not in the 8.0.5 schema and are checked by the captures.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { startWaldur, type WaldurStandIn } from "@meterkit/sandbox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { conformanceDir } from "./support/captures.js";

interface S {
  $ref?: string;
  type?: string;
  nullable?: boolean;
  pattern?: string;
  enum?: unknown[];
  properties?: Record<string, S>;
  additionalProperties?: S | boolean;
  items?: S;
  allOf?: S[];
  oneOf?: S[];
  anyOf?: S[];
}
interface Operation {
  responses: Record<string, { content?: Record<string, { schema: S }> }>;
}
let spec: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, S> } };
let w: WaldurStandIn;

beforeAll(async () => {
  const file =
    process.env.MK_WALDUR_OPENAPI ??
    path.resolve(conformanceDir(), "../research/wire/waldur-openapi-schema-8.0.5.yaml");
  spec = parse(readFileSync(file, "utf8"), { maxAliasCount: -1 });
  w = await startWaldur();
}, 120_000);
afterAll(() => w?.close());

function deref(s: S): S {
  return s.$ref ? deref(spec.components.schemas[s.$ref.split("/").at(-1) ?? ""] ?? {}) : s;
}

/** Where `value` breaks `schema`, as `path: reason` lines. */
function violations(value: unknown, schema: S, at: string): string[] {
  const s = deref(schema);
  if (value === null) return s.nullable || s.enum?.includes(null) ? [] : [`${at}: null where not nullable`];
  if (s.allOf) return s.allOf.flatMap((x) => violations(value, x, at));
  if (s.oneOf || s.anyOf) {
    const alts = s.oneOf ?? s.anyOf ?? [];
    return alts.some((x) => violations(value, x, at).length === 0) ? [] : [`${at}: matches no alternative`];
  }
  const out: string[] = [];
  if (s.enum && !s.enum.includes(value)) out.push(`${at}: ${JSON.stringify(value)} not in enum`);
  const type = Array.isArray(value) ? "array" : typeof value;
  if (s.type) {
    const ok = s.type === "integer" ? Number.isInteger(value) : s.type === type;
    if (!ok) return [...out, `${at}: ${type} where ${s.type}`];
  }
  if (typeof value === "string" && s.pattern && !new RegExp(s.pattern).test(value))
    out.push(`${at}: ${JSON.stringify(value)} breaks pattern ${s.pattern}`);
  if (Array.isArray(value) && s.items)
    for (const [i, v] of value.entries()) out.push(...violations(v, s.items, `${at}[${i}]`));
  if (type === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const p =
        s.properties?.[k] ??
        (typeof s.additionalProperties === "object" ? s.additionalProperties : undefined);
      if (p) out.push(...violations(v, p, `${at}.${k}`));
    }
  }
  return out;
}

const RESOURCE = "a1916bd53fd04b1ab1a4e700c926607b";
const OFFERING = "cf4eb9c29fc74af4ade667fcb53633d5";
const USER = "bb235c67dcb44470a45d4e0f94e0ed00";
const ORDERS = ["7e57c0de7e57c0de7e57c0de7e57c0de", "7e57c0de7e57c0de7e57c0de7e57c0df"];
const PERIOD = "fb36ce56e53b43e59b3d963354d0467c";

// [method, path as called, OpenAPI path template, body]: in an order that drives each order through its states.
const CALLS: [string, string, string, unknown?][] = [
  ["GET", "users/", "/api/users/"],
  ["GET", "keys/", "/api/keys/"],
  ["GET", "marketplace-resources/", "/api/marketplace-resources/"],
  ["GET", "marketplace-provider-resources/", "/api/marketplace-provider-resources/"],
  ["GET", "marketplace-orders/", "/api/marketplace-orders/"],
  ["GET", `marketplace-provider-offerings/${OFFERING}/`, "/api/marketplace-provider-offerings/{uuid}/"],
  ["GET", `marketplace-resources/${RESOURCE}/team/`, "/api/marketplace-resources/{uuid}/team/"],
  [
    "GET",
    `marketplace-provider-resources/${RESOURCE}/team/`,
    "/api/marketplace-provider-resources/{uuid}/team/",
  ],
  [
    "GET",
    `marketplace-resources/${RESOURCE}/plan_periods/`,
    "/api/marketplace-resources/{uuid}/plan_periods/",
  ],
  [
    "GET",
    `marketplace-provider-resources/${RESOURCE}/plan_periods/`,
    "/api/marketplace-provider-resources/{uuid}/plan_periods/",
  ],
  [
    "POST",
    `marketplace-provider-resources/${RESOURCE}/set_backend_id/`,
    "/api/marketplace-provider-resources/{uuid}/set_backend_id/",
    { backend_id: "x1" },
  ],
  [
    "POST",
    `marketplace-provider-resources/${RESOURCE}/submit_report/`,
    "/api/marketplace-provider-resources/{uuid}/submit_report/",
    { report: [{ header: "h", body: "b" }] },
  ],
  [
    "POST",
    "marketplace-component-usages/set_usage/",
    "/api/marketplace-component-usages/set_usage/",
    { plan_period: PERIOD, usages: [{ type: "cpu_k_hours", amount: "1.5" }] },
  ],
  [
    "POST",
    "marketplace-offering-users/",
    "/api/marketplace-offering-users/",
    {
      offering: `{API}marketplace-provider-offerings/${OFFERING}/`,
      user: `{API}users/${USER}/`,
      username: "csc_api_user",
    },
  ],
  [
    "POST",
    `marketplace-orders/${ORDERS[0]}/approve_by_provider/`,
    "/api/marketplace-orders/{uuid}/approve_by_provider/",
  ],
  [
    "POST",
    `marketplace-orders/${ORDERS[0]}/set_state_erred/`,
    "/api/marketplace-orders/{uuid}/set_state_erred/",
    { error_message: "e" },
  ],
  [
    "POST",
    `marketplace-orders/${ORDERS[1]}/set_state_executing/`,
    "/api/marketplace-orders/{uuid}/set_state_executing/",
  ],
  [
    "POST",
    `marketplace-orders/${ORDERS[1]}/set_state_done/`,
    "/api/marketplace-orders/{uuid}/set_state_done/",
  ],
  ["GET", "marketplace-orders/", "/api/marketplace-orders/"],
  ["GET", "marketplace-provider-resources/", "/api/marketplace-provider-resources/"],
];

describe("the stand-in answers as OpenAPI 8.0.5 documents", () => {
  it.each(CALLS.map((c, i) => [`${i} ${c[0]} ${c[2]}`, c] as const))(
    "%s",
    async (_, [method, route, template, body]) => {
      const url = new URL(route, w.url);
      const res = await fetch(url, {
        method,
        headers: { authorization: `token ${w.token}`, "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body).replaceAll("{API}", w.url) }),
      });
      const operation = spec.paths[template]?.[method.toLowerCase()];
      expect(operation, `${template} is in the schema`).toBeDefined();
      const documented = operation!.responses[String(res.status)];
      expect(
        documented,
        `${method} ${template} answered ${res.status}: ${await res.clone().text()}`,
      ).toBeDefined();
      const text = await res.text();
      const schema = documented!.content?.["application/json"]?.schema;
      if (!schema) return expect(text).toBe("");
      expect(violations(JSON.parse(text), schema, "body")).toEqual([]);
    },
  );
});
