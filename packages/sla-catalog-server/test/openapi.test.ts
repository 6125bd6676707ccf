/**
 * The OpenAPI document against the server that serves it: it is structurally OpenAPI 3.1, it documents
 * exactly the routes the server answers, and every real response (success and problem) matches the
 * documented status and schema.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SlaCatalogServer, startSlaCatalog } from "../src/index.js";
import { ROUTES } from "../src/server.js";
import { ADMIN_SEED, type Answer, call, type Json, templateXml } from "./fixtures.js";
import { check } from "./json-schema.js";

let server: SlaCatalogServer;
let doc: Json;
beforeAll(async () => {
  server = await startSlaCatalog({ ...ADMIN_SEED });
  const origin = new URL(server.url).origin;
  const res = await fetch(`${origin}/openapi.json`);
  expect(res.status).toBe(200);
  doc = await res.json();
}, 60_000);
afterAll(() => server.close());

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];
const operations = (): [string, string, Json][] =>
  Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Json>)
      .filter(([m]) => METHODS.includes(m))
      .map(([m, op]) => [m.toUpperCase(), path, op] as [string, string, Json]),
  );

describe("structure (OpenAPI 3.1)", () => {
  it("has the required top-level fields and a bearer security scheme", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(typeof doc.info.title).toBe("string");
    expect(typeof doc.info.version).toBe("string");
    expect(doc.components.securitySchemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    for (const requirement of doc.security)
      for (const name of Object.keys(requirement))
        expect(doc.components.securitySchemes).toHaveProperty(name);
  });

  it("every operation: unique operationId, declared path parameters, described responses, resolvable $refs", () => {
    const ids = new Set<string>();
    for (const [method, path, op] of operations()) {
      const where = `${method} ${path}`;
      expect(path, where).toMatch(/^\//);
      expect(ids.has(op.operationId), where).toBe(false);
      ids.add(op.operationId);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = (op.parameters ?? []).filter((p: Json) => p.in === "path");
      expect(declared.map((p: Json) => p.name).sort(), where).toEqual(templated);
      for (const p of op.parameters ?? []) {
        expect(["path", "query", "header", "cookie"], where).toContain(p.in);
        if (p.in === "path") expect(p.required, where).toBe(true);
        expect(p.schema, where).toBeTypeOf("object");
      }
      expect(Object.keys(op.responses).length, where).toBeGreaterThan(0);
      for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
        expect(status, where).toMatch(/^[1-5]\d\d$/);
        expect(typeof response.description, `${where} ${status}`).toBe("string");
        if (Number(status) >= 400)
          expect(Object.keys(response.content), where).toEqual(["application/problem+json"]);
      }
      for (const status of ["401", "403"]) expect(op.responses, where).toHaveProperty(status);
    }
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const target = ref.slice(8, -1).replace("#/", "").split("/");
      expect(
        target.reduce((node: Json, key) => node?.[key], doc),
        ref,
      ).toBeDefined();
    }
  });

  it("documents exactly the routes the server has", () => {
    const documented = operations()
      .map(([m, p]) => `${m} ${p}`)
      .sort();
    const served = ROUTES.map((r) => `${r.method} ${r.pattern.replace(/:(\w+)/g, "{$1}")}`).sort();
    expect(documented).toEqual(served);
  });

  it("is served without a token", async () => {
    const origin = new URL(server.url).origin;
    const res = await fetch(`${origin}/openapi.json`, { headers: {} });
    expect(res.status).toBe(200);
    expect(res.headers.get("www-authenticate")).toBeNull();
  });
});

describe("real responses match the document", () => {
  const seen = new Set<string>();

  /** One call; the status must be documented and the body must match its schema. */
  async function exchange(
    method: string,
    path: string,
    concrete: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Answer> {
    const answer = await call(server.url, method, concrete, body, headers);
    const op = doc.paths[path]?.[method.toLowerCase()];
    expect(op, `${method} ${path} is documented`).toBeDefined();
    // A documented route is answered: never the router's "no resource" 404 or a 405.
    expect(answer.status, `${method} ${concrete}`).not.toBe(405);
    if (answer.status === 404) expect(answer.body.detail).not.toMatch(/^no resource at/);
    const response = op.responses[String(answer.status)];
    expect(
      response,
      `${method} ${path} answered an undocumented ${answer.status}: ${JSON.stringify(answer.body)}`,
    ).toBeDefined();
    const media = Object.values((response.content ?? {}) as Record<string, Json>)[0];
    if (media) expect(check(media.schema, answer.body, doc), `${method} ${concrete}`).toEqual([]);
    else expect(answer.body, `${method} ${concrete}`).toBeUndefined();
    if (answer.status < 300) seen.add(`${method} ${path}`);
    return answer;
  }

  it("a full catalog flow, then refusals of each kind", async () => {
    const x = exchange;
    const party = (await x("POST", "/parties", "/parties", { name: "Acme" })).body;
    await x("POST", "/parties/{id}/approval", `/parties/${party.id}/approval`, {
      balance: "10",
      creditLimit: "5",
    });
    const spare = (await x("POST", "/parties", "/parties", {})).body;
    await x("GET", "/parties", "/parties");
    await x("GET", "/parties/{id}", `/parties/${party.id}`);
    const product = (
      await x("POST", "/products", "/products", { partyId: party.id, name: "VM", maxPrice: "9.5" })
    ).body;
    await x("GET", "/products", `/products?partyId=${party.id}&limit=1`);
    await x("GET", "/products/{id}", `/products/${product.id}`);
    const uuid = "0b6c1e0a-openapi";
    await x("POST", "/templates", "/templates", { content: templateXml(uuid), providerId: party.id });
    await x("GET", "/templates", `/templates?productId=${product.id}`);
    await x("GET", "/templates/{registry}/{id}", `/templates/BSLAM/${uuid}`);
    const offer = (
      await x("POST", "/product-offers", "/product-offers", {
        productId: product.id,
        partyId: party.id,
        templateId: uuid,
      })
    ).body;
    await x("GET", "/product-offers", "/product-offers");
    await x("GET", "/product-offers/{id}", `/product-offers/${offer.id}`);
    const item = (
      await x("POST", "/unit-resources", "/unit-resources", { name: "cpu", type: "cpu_speed", unit: "MHz" })
    ).body;
    await x("GET", "/unit-resources", "/unit-resources");
    await x("GET", "/unit-resources/{id}", `/unit-resources/${item.id}`);
    const period = { validFrom: "2026-01-01", validUntil: "2026-12-31", period: "per_month" };
    const fixed = (
      await x("POST", "/fixed-fees", "/fixed-fees", { ...period, type: "per_month", value: "3" })
    ).body;
    const variable = (
      await x("POST", "/variable-fees", "/variable-fees", {
        ...period,
        type: "per_hour",
        datatype: "GB",
        quantity: "1",
        value: "0.5",
        condition: "greater_than",
        conditionValue: "2",
        conditionDatatype: "GB",
      })
    ).body;
    const compound = (
      await x("POST", "/compound-fees", "/compound-fees", {
        ...period,
        fixedFeeIds: [fixed.id],
        variableFeeIds: [variable.id],
      })
    ).body;
    for (const [path, id] of [
      ["fixed-fees", fixed.id],
      ["variable-fees", variable.id],
      ["compound-fees", compound.id],
      ["prices", compound.id],
    ]) {
      await x("GET", `/${path}`, `/${path}`);
      await x("GET", `/${path}/{id}`, `/${path}/${id}`);
    }
    const guarantee = (
      await x("POST", "/guarantees", "/guarantees", {
        name: "Uptime",
        description: "99.9",
        type: "availability",
        percentage: "0.1",
        slaTemplateId: uuid,
      })
    ).body;
    await x("GET", "/guarantees", "/guarantees?type=availability");
    await x("GET", "/guarantees/{id}", `/guarantees/${guarantee.id}`);
    await x("PUT", "/priced-items/{id}/price", `/priced-items/${item.id}/price`, { priceId: compound.id });
    await x(
      "PUT",
      "/priced-items/{id}/guarantees/{guaranteeId}",
      `/priced-items/${item.id}/guarantees/${guarantee.id}`,
    );
    await x("GET", "/priced-items/{id}", `/priced-items/${item.id}`);

    // Refusals, each documented with its problem shape.
    expect((await x("GET", "/products", "/products", undefined, { authorization: "" })).status).toBe(401);
    expect((await x("DELETE", "/guarantees/{id}", `/guarantees/${guarantee.id}`)).status).toBe(409);
    expect((await x("DELETE", "/products/{id}", `/products/${product.id}`)).status).toBe(409);
    expect((await x("POST", "/products", "/products", { partyId: 999, name: "" })).status).toBe(422);
    expect((await x("POST", "/products", "/products", "{not json")).status).toBe(400);
    expect((await x("GET", "/products/{id}", "/products/424242")).status).toBe(404);
    expect((await x("POST", "/parties", "/parties", { id: party.id })).status).toBe(409);
    expect((await x("GET", "/products", "/products?limit=0")).status).toBe(400);

    // Deletes, dependants first.
    await x(
      "DELETE",
      "/priced-items/{id}/guarantees/{guaranteeId}",
      `/priced-items/${item.id}/guarantees/${guarantee.id}`,
    );
    await x("DELETE", "/priced-items/{id}/price", `/priced-items/${item.id}/price`);
    await x("DELETE", "/unit-resources/{id}", `/unit-resources/${item.id}`);
    await x("DELETE", "/guarantees/{id}", `/guarantees/${guarantee.id}`);
    await x("DELETE", "/product-offers/{id}", `/product-offers/${offer.id}`);
    await x("DELETE", "/templates/{registry}/{id}", `/templates/BSLAM/${uuid}`);
    await x("DELETE", "/products/{id}", `/products/${product.id}`);
    await x("DELETE", "/compound-fees/{id}", `/compound-fees/${compound.id}`);
    await x("DELETE", "/fixed-fees/{id}", `/fixed-fees/${fixed.id}`);
    await x("DELETE", "/variable-fees/{id}", `/variable-fees/${variable.id}`);
    const other = (
      await x("POST", "/fixed-fees", "/fixed-fees", { ...period, type: "per_month", value: "1" })
    ).body;
    await x("DELETE", "/prices/{id}", `/prices/${other.id}`);
    await x("DELETE", "/parties/{id}", `/parties/${spare.id}`);

    // Every documented operation was answered with a success at least once.
    expect([...seen].sort()).toEqual(
      operations()
        .map(([m, p]) => `${m} ${p}`)
        .sort(),
    );
  });
});
