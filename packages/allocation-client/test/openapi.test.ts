/**
 * The response schemas and request bodies checked against Waldur's published OpenAPI 8.0.5 schema
 * (research/wire/waldur-openapi-schema-8.0.5.yaml): every typed field exists there, with a compatible
 * type, and accepts `null` wherever the schema says nullable; every key we send is in the request schema.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { z } from "zod";
import { createWaldurClient } from "../src/index.js";
import { OPENAPI_SHAPES } from "../src/schemas/openapi-map.js";
import { conformanceDir } from "./support/captures.js";
import { startRecordingServer } from "./support/recording-server.js";

interface OpenApiSchema {
  type?: string;
  nullable?: boolean;
  $ref?: string;
  oneOf?: OpenApiSchema[];
  allOf?: OpenApiSchema[];
  properties?: Record<string, OpenApiSchema>;
  additionalProperties?: unknown;
}

let schemas: Record<string, OpenApiSchema>;
beforeAll(() => {
  const file =
    process.env.MK_WALDUR_OPENAPI ??
    path.resolve(conformanceDir(), "../research/wire/waldur-openapi-schema-8.0.5.yaml");
  schemas = (
    parse(readFileSync(file, "utf8"), { maxAliasCount: -1 }) as {
      components: { schemas: Record<string, OpenApiSchema> };
    }
  ).components.schemas;
}, 120_000);

function deref(s: OpenApiSchema): OpenApiSchema {
  return s.$ref ? deref(schemas[s.$ref.split("/").at(-1) ?? ""] ?? {}) : s;
}

/** The JSON types a property may take: `string`, `integer`, `object`, `null`… (`any` when unconstrained). */
function jsonTypes(s: OpenApiSchema): Set<string> {
  const out = new Set<string>();
  const walk = (x: OpenApiSchema) => {
    const d = deref(x);
    if (d.nullable) out.add("null");
    for (const alt of [...(d.oneOf ?? []), ...(d.allOf ?? [])]) walk(alt);
    if (d.type) out.add(d.type === "integer" ? "number" : d.type);
    else if (d.properties) out.add("object");
    else if (!d.oneOf && !d.allOf) out.add("any");
  };
  walk(s);
  return out;
}

const SAMPLES: Record<string, unknown> = { string: "x", number: 1, boolean: true, array: [], object: {} };

describe("response schemas follow OpenAPI 8.0.5", () => {
  it.each(Object.entries(OPENAPI_SHAPES))("%s", (name, buildShape) => {
    const shape = buildShape();
    const properties = deref(schemas[name] ?? {}).properties ?? {};
    expect(Object.keys(properties).length, `${name} is in the OpenAPI schema`).toBeGreaterThan(0);
    for (const [field, zodType] of Object.entries(shape as Record<string, z.ZodType>)) {
      const property = properties[field];
      expect(property, `${name}.${field} exists in OpenAPI`).toBeDefined();
      const types = jsonTypes(property ?? {});
      if (types.has("null"))
        expect(zodType.safeParse(null).success, `${name}.${field} accepts null`).toBe(true);
      if (types.has("any")) continue;
      // Some documented type must pass our schema: our schema is never stricter than Waldur's.
      const accepted = [...types]
        .filter((t) => t !== "null")
        .some((t) => zodType.safeParse(SAMPLES[t]).success);
      expect(accepted, `${name}.${field}: ${[...types].join("|")}`).toBe(true);
    }
  });
});

describe("request bodies follow OpenAPI 8.0.5", () => {
  it("every key we send is in the request schema", async () => {
    const server = await startRecordingServer(
      Array.from({ length: 5 }, () => ({ status: 201, headers: [], body: "" })),
    );
    try {
      const waldur = createWaldurClient({ baseUrl: `http://127.0.0.1:${server.port}/api/`, token: "t0ken" });
      const r = "a1916bd53fd04b1ab1a4e700c926607b";
      await waldur.componentUsages.create({
        resourceUuid: r,
        date: "2025-01-01T00:00:00Z",
        usages: [{ type: "cpu", amount: "1.5", description: "d", recurring: true }],
      });
      await waldur.orders.approve({ orderUuid: r, attributes: { a: 1 } });
      await waldur.orders.reject({ orderUuid: r, comment: "no" });
      await waldur.resources.setBackendId({ resourceUuid: r, backendId: "b" }).catch(() => undefined);
      await waldur.offeringUsers.create({ offering: r, user: r, username: "u" }).catch(() => undefined);
      const bodies = server.received.map((x) => JSON.parse(x.body) as Record<string, unknown>);
      const check = (schema: string, body: Record<string, unknown> | undefined) => {
        const properties = deref(schemas[schema] ?? {}).properties ?? {};
        for (const key of Object.keys(body ?? {})) expect(properties, `${schema}.${key}`).toHaveProperty(key);
      };
      check("ComponentUsageCreateRequest", bodies[0]);
      check("ComponentUsageItemRequest", (bodies[0]?.usages as Record<string, unknown>[] | undefined)?.[0]);
      check("OrderApproveByProviderRequest", bodies[1]);
      check("OrderProviderRejectionRequest", bodies[2]);
      check("ResourceBackendIDRequest", bodies[3]);
      check("OfferingUserRequest", bodies[4]);
    } finally {
      await server.close();
    }
  });
});
