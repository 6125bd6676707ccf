import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchDatabase, startSlaCatalog } from "../src/index.js";
import { engines } from "./engines.js";
import { ADMIN_SEED, call, templateXml } from "./fixtures.js";

const ENGINES = await engines();
// 2024-02-29: "two years later" must clamp to 2026-02-28.
const clock = () => new Date("2024-02-29T10:00:00Z");

describe.each(ENGINES)("SLA catalog service on $name", (engine) => {
  let base = "";
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const db = engine.adminUrl ? await createScratchDatabase(engine.adminUrl) : undefined;
    const server = await startSlaCatalog({ ...ADMIN_SEED, port: 0, databaseUrl: db?.url, clock });
    expect(server.engine).toBe(engine.name);
    base = server.url;
    close = async () => {
      await server.close();
      await db?.drop();
    };
  }, 120_000);
  afterAll(() => close());

  it("applies the server-side defaults, with 29 February + 2 years = 28 February", async () => {
    expect((await call(base, "POST", "/parties", { id: 465, name: "Acme" })).status).toBe(201);
    const res = await call(base, "POST", "/products", { partyId: 465, name: "VM" });
    expect(res.status).toBe(201);
    expect(res.headers.get("location")).toBe(`${base}/products/${res.body.id}`);
    expect(res.body).toMatchObject({
      insertedAt: "2024-02-29",
      validFrom: "2024-02-29",
      validTo: "2026-02-28",
      negotiationType: "A",
      release: "1.0",
      status: "A",
      maxPrice: null,
    });
    expect((await call(base, "GET", `/products/${res.body.id}`)).body).toEqual(res.body);
  });

  it("answers RFC 9457 problems listing every invalid field with a code", async () => {
    const res = await call(base, "POST", "/products", {
      name: "",
      validFrom: "2023-02-30",
      maxPrice: "-1",
      colour: "red",
    });
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body).toMatchObject({
      type: "about:blank",
      title: "Validation failed",
      status: 422,
      code: "validation_failed",
      instance: "/sla-catalog/v1/products",
    });
    const byField = Object.fromEntries(
      res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]),
    );
    expect(byField).toEqual({
      partyId: "required",
      name: "invalid_length",
      validFrom: "invalid_format",
      maxPrice: "out_of_range",
      colour: "unknown_field",
    });
  });

  it("checks ids that must exist and the order of dates", async () => {
    const res = await call(base, "POST", "/products", {
      partyId: 999,
      name: "X",
      validFrom: "2025-01-02",
      validTo: "2025-01-01",
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { field: "validTo", code: "invalid_order", message: "must not be before validFrom (2025-01-02)" },
      { field: "partyId", code: "not_found", message: "party 999 does not exist" },
    ]);
  });

  it("keeps a guarantee's percentage in (0, 1] and enumerations closed", async () => {
    const g = { name: "G", description: "d", type: "location" };
    for (const percentage of ["0", 0, "1.01", -0.5]) {
      const res = await call(base, "POST", "/guarantees", { ...g, percentage });
      expect(res.status, String(percentage)).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: "percentage", code: "out_of_range" });
    }
    expect((await call(base, "POST", "/guarantees", { ...g, percentage: "1" })).status).toBe(201);
    const bad = await call(base, "POST", "/guarantees", { ...g, percentage: 0.5, operator: "about" });
    expect(bad.body.errors[0]).toMatchObject({ field: "operator", code: "invalid_enum" });
    const fee = await call(base, "POST", "/fixed-fees", {
      period: "fortnightly",
      type: "per_hour",
      validFrom: "2013-01-01",
      validUntil: "2013-12-31",
      value: "1",
      datatype: "TB",
    });
    expect(fee.body.errors.map((e: { field: string }) => e.field)).toEqual(["period", "datatype"]);
  });

  it("moves a party PENDING → APPROVED once, with balance and credit limit", async () => {
    const party = (await call(base, "POST", "/parties", { name: "Customer" })).body;
    expect(party.status).toBe("PENDING");
    const approved = await call(base, "POST", `/parties/${party.id}/approval`, {
      balance: "10",
      creditLimit: "5000",
    });
    expect(approved.body).toMatchObject({ status: "APPROVED", balance: "10", creditLimit: "5000" });
    const again = await call(base, "POST", `/parties/${party.id}/approval`, {
      balance: "1",
      creditLimit: "1",
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe("invalid_state");
    expect((await call(base, "GET", `/parties/${party.id}`)).body.balance).toBe("10");
    expect(
      (await call(base, "POST", "/parties/424242/approval", { balance: "1", creditLimit: "1" })).status,
    ).toBe(404);
  });

  it("refuses a delete that is still referenced and says by what", async () => {
    const uuid = "Ref-SLAT-1";
    expect(
      (await call(base, "POST", "/templates", { content: templateXml(uuid), providerId: 465 })).status,
    ).toBe(201);
    const product = (await call(base, "POST", "/products", { partyId: 465, name: "P" })).body;
    const offer = (
      await call(base, "POST", "/product-offers", { productId: product.id, partyId: 465, templateId: uuid })
    ).body;
    const res = await call(base, "DELETE", `/templates/BSLAM/${uuid}`);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: "in_use",
      referencedBy: [{ type: "product-offer", id: offer.id }],
    });
    expect(res.body.detail).toContain(`product-offer ${offer.id}`);
    expect((await call(base, "DELETE", `/products/${product.id}`)).status).toBe(409);
    expect((await call(base, "DELETE", `/product-offers/${offer.id}`)).status).toBe(204);
    expect((await call(base, "DELETE", `/products/${product.id}`)).status).toBe(204);
    expect((await call(base, "DELETE", `/templates/BSLAM/${uuid}`)).status).toBe(204);
    expect((await call(base, "GET", `/templates/BSLAM/${uuid}`)).status).toBe(404);
  });

  it("links fees into compound fees and prices and guarantees to priced items", async () => {
    const v = { validFrom: "2013-01-01", validUntil: "2013-12-31", period: "per_month" };
    const fixed = (await call(base, "POST", "/fixed-fees", { ...v, type: "per_hour", value: "0.20" })).body;
    expect(fixed).toMatchObject({
      kind: "fixed",
      currency: "EUR",
      datatype: "vm",
      quantity: "1",
      value: "0.20",
    });
    const usd = (
      await call(base, "POST", "/fixed-fees", { ...v, type: "per_hour", value: "1", currency: "USD" })
    ).body;
    const mismatch = await call(base, "POST", "/compound-fees", { ...v, fixedFeeIds: [fixed.id, usd.id] });
    expect(mismatch.body.errors).toEqual([
      {
        field: "fixedFeeIds.1",
        code: "currency_mismatch",
        message: `fixed fee ${usd.id} is in USD, not EUR`,
      },
    ]);
    const wrongKind = await call(base, "POST", "/compound-fees", { ...v, variableFeeIds: [fixed.id] });
    expect(wrongKind.body.errors[0]).toMatchObject({ field: "variableFeeIds.0", code: "not_found" });
    const compound = (await call(base, "POST", "/compound-fees", { ...v, fixedFeeIds: [fixed.id] })).body;
    expect(compound).toMatchObject({ kind: "compound", fixedFeeIds: [fixed.id], variableFeeIds: [] });
    const item = (
      await call(base, "POST", "/unit-resources", { name: "CPU Speed", type: "cpu_speed", unit: "MHz" })
    ).body;
    expect(
      (await call(base, "PUT", `/priced-items/${item.id}/price`, { priceId: compound.id })).body.priceId,
    ).toBe(compound.id);
    const refused = await call(base, "DELETE", `/prices/${fixed.id}`);
    expect(refused.body.referencedBy).toEqual([{ type: "compound-fee", id: compound.id }]);
    expect((await call(base, "DELETE", `/compound-fees/${compound.id}`)).body.referencedBy).toEqual([
      { type: "unit-resource", id: item.id },
    ]);
    expect(
      (await call(base, "PUT", `/priced-items/${item.id}/price`, { priceId: 99999 })).body.errors[0].field,
    ).toBe("priceId");
    expect((await call(base, "PUT", `/priced-items/99999/price`, { priceId: fixed.id })).status).toBe(404);
  });

  it("pages lists with Link rel=next and X-Result-Count", async () => {
    for (let i = 0; i < 3; i++)
      await call(base, "POST", "/unit-resources", { name: `R${i}`, type: "memory" });
    const first = await call(base, "GET", "/unit-resources?limit=2");
    const total = Number(first.headers.get("x-result-count"));
    expect(total).toBeGreaterThanOrEqual(3);
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")?.[1];
    expect(next).toBe(`${base}/unit-resources?limit=2&offset=2`);
    expect((await call(base, "GET", "/unit-resources?limit=0")).status).toBe(400);
  });

  it("answers 400, 404, 405 and 415 as problems", async () => {
    expect((await call(base, "POST", "/products", "{not json")).body.code).toBe("bad_request");
    expect((await call(base, "GET", "/nothing-here")).status).toBe(404);
    expect((await call(base, "PATCH", "/products")).status).toBe(405);
    const xml = await call(base, "POST", "/templates", "<x/>", { "content-type": "application/xml" });
    expect(xml.status).toBe(415);
    const notSlat = await call(base, "POST", "/templates", { content: "<a xmlns='x'/>" });
    expect(notSlat.body.errors[0]).toMatchObject({ field: "content", code: "invalid_template" });
  });
});
