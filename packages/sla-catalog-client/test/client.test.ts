import { collect, InvalidInputError, isSdkError, NetworkError } from "@meterkit/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogError, createCatalogClient, isCatalogError } from "../src/index.js";
import { engines, type Running, snapshot, startService, templateXml } from "./support/service.js";

const ENGINES = await engines();
const V = { validFrom: "2013-01-01", validUntil: "2013-12-31", period: "per_month" } as const;

describe.each(ENGINES)("CatalogClient against the service on $name", (engine) => {
  let svc: Running;
  beforeAll(async () => {
    svc = await startService(engine);
  }, 120_000);
  afterAll(() => svc?.close());

  it("runs every provider tool and reads back what it wrote", async () => {
    const c = svc.client;
    const party = await c.parties.create({ id: 465, name: "Provider" });
    expect(party.status).toBe("PENDING");
    const product = await c.products.create({
      partyId: 465,
      name: "ProductName",
      brand: "BrandTest",
      maxPrice: 10,
      unsuccessfulRounds: 1,
      validTo: new Date("2030-01-01T00:00:00Z"),
    });
    expect(await c.products.get({ productId: product.id })).toEqual(product);
    expect(product).toMatchObject({ maxPrice: "10", validTo: "2030-01-01", negotiationType: "A" });
    const template = await c.templates.create({
      content: templateXml("CT-Client-1"),
      providerId: 465,
      registerName: "R",
      registry: "SSLAM",
    });
    expect(template).toMatchObject({
      id: "CT-Client-1",
      registry: "SSLAM",
      modelVersion: "sla_at_soi_sla_model_v1.0",
    });
    await c.templates.create({ content: templateXml("CT-Client-1") });
    const offer = await c.offers.create({
      productId: product.id,
      partyId: 465,
      templateId: "CT-Client-1",
      name: "Offer",
    });
    expect(offer).toMatchObject({
      billingFrequencyId: 1,
      revision: "1.0",
      status: "A",
      templateRegistry: "BSLAM",
    });
    expect((await c.templates.get({ templateId: "CT-Client-1", registry: "SSLAM" })).content).toBe(
      templateXml("CT-Client-1"),
    );
    expect(
      (await collect(c.templates.list({ productId: product.id, registry: "BSLAM" }))).map((t) => [
        t.id,
        t.registry,
      ]),
    ).toEqual([["CT-Client-1", "BSLAM"]]);
    expect((await collect(c.products.list())).map((p) => p.id)).toContain(product.id);
    expect(await c.parties.approve({ partyId: 465, balance: "10", creditLimit: 5000 })).toMatchObject({
      status: "APPROVED",
      balance: "10",
      creditLimit: "5000",
    });
    const cpu = await c.unitResources.create({
      name: "CPU Speed",
      description: "CPU frequency",
      type: "cpu_speed",
      unit: "MHz",
      ovfReservation: true,
    });
    const fixed = await c.fixedFees.create({
      ...V,
      datatype: "vm",
      quantity: "1",
      type: "per_hour",
      value: "0.20",
      currency: "EUR",
    });
    const variable = await c.variableFees.create({
      ...V,
      quantity: 1,
      datatype: "GB",
      type: "per_month",
      condition: "less_than",
      conditionValue: 1,
      conditionDatatype: "GB",
      value: "0.20",
    });
    const compound = await c.compoundFees.create({
      ...V,
      fixedFeeIds: [fixed.id],
      variableFeeIds: [variable.id],
    });
    expect(await c.prices.get({ priceId: compound.id })).toMatchObject({
      kind: "compound",
      fixedFeeIds: [fixed.id],
      variableFeeIds: [variable.id],
    });
    const guarantee = await c.guarantees.create({
      agreementTerm: "location",
      name: "Location",
      description: "Where",
      type: "location",
      percentage: 0.15,
      operator: "equals",
      slaTemplateId: "CT-Client-1",
      value: "EU",
      valueType: "string",
    });
    expect(await c.guarantees.get({ guaranteeId: guarantee.id })).toMatchObject({
      percentage: "0.15",
      slaTemplateRegistry: "BSLAM",
    });
    await c.pricedItems.setPrice({ priceId: compound.id, pricedItemId: cpu.id });
    await c.pricedItems.addGuarantee({ guaranteeId: guarantee.id, pricedItemId: cpu.id });
    expect(await c.pricedItems.get({ pricedItemId: cpu.id })).toMatchObject({
      priceId: compound.id,
      guaranteeIds: [guarantee.id],
    });
    await c.unitResources.delete({ unitResourceId: cpu.id });
    await expect(c.unitResources.get({ unitResourceId: cpu.id })).rejects.toMatchObject({
      status: 404,
      problemCode: "not_found",
    });
  });

  it("rejects bad input before sending, naming the field, and changes nothing", async () => {
    const c = svc.client;
    const before = await snapshot(c);
    const cases: [() => Promise<unknown>, string][] = [
      [
        () => c.guarantees.create({ name: "G", description: "d", type: "location", percentage: 0 }),
        "percentage",
      ],
      [
        () => c.guarantees.create({ name: "G", description: "d", type: "location", percentage: "1.5" }),
        "percentage",
      ],
      [() => c.fixedFees.create({ ...V, type: "per_hour", value: "1", period: "weekly" as never }), "period"],
      [
        () => c.fixedFees.create({ ...V, validUntil: "2012-01-01", type: "per_hour", value: "1" }),
        "validUntil",
      ],
      [() => c.products.create({ partyId: 465, name: "x", validFrom: "2023-02-29" }), "validFrom"],
      [() => c.products.create({ name: "x" } as never), "partyId"],
      [() => c.compoundFees.create({ ...V }), "fixedFeeIds"],
      [() => c.templates.create({ content: "<x/>", registry: "XSLAM" as never }), "registry"],
      [() => c.parties.approve({ partyId: 465, balance: "1", creditLimit: "-1" }), "creditLimit"],
      [() => c.products.get({ productId: 0 }), "productId"],
      [() => c.products.get({ productId: 1, extra: 1 } as never), "extra"],
      [() => c.templates.get({ templateId: "T", registry: "XSLAM" as never }), "registry"],
    ];
    for (const [run, field] of cases) {
      const error = await run().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error, field).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).field).toBe(field);
      expect((error as Error).message).toMatch(/^\[@meterkit\/sla-catalog-client\] invalid input: /);
    }
    expect(await snapshot(c)).toEqual(before);
  });

  it("throws CatalogError with the problem details the service sent", async () => {
    const c = svc.client;
    const party = await c.parties.create();
    const product = await c.products.create({ partyId: party.id, name: "Referenced" });
    const refused = await c.parties.delete({ partyId: party.id }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(CatalogError);
    expect(isSdkError(refused, "http_error")).toBe(true);
    expect(isCatalogError(refused, "in_use")).toBe(true);
    expect(refused).toMatchObject({ status: 409, referencedBy: [{ type: "product", id: product.id }] });
    const missing = await c.offers.create({ productId: 999_999, partyId: party.id, templateId: "nope" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(missing).toMatchObject({ status: 422, problemCode: "validation_failed" });
    expect((missing as CatalogError).errors.map((e) => [e.field, e.code])).toEqual([
      ["productId", "not_found"],
      ["templateId", "not_found"],
    ]);
    await expect(c.products.create({ id: product.id, partyId: party.id, name: "dup" })).rejects.toMatchObject(
      {
        status: 409,
        problemCode: "already_exists",
      },
    );
    await c.parties.approve({ partyId: party.id, balance: "0", creditLimit: "0" });
    await expect(
      c.parties.approve({ partyId: party.id, balance: "0", creditLimit: "0" }),
    ).rejects.toMatchObject({ problemCode: "invalid_state" });
  });

  it("pages through lists with core's paginate", async () => {
    const c = svc.client;
    for (let i = 0; i < 5; i++) await c.unitResources.create({ name: `R${i}`, type: "memory" });
    const pages: number[] = [];
    let total: number | undefined;
    for await (const page of c.http.paginate({ path: "/unit-resources", query: { limit: 2 } }).pages()) {
      pages.push(page.data.length);
      total = page.total;
    }
    expect(pages.reduce((a, b) => a + b, 0)).toBe(total);
    expect(pages.slice(0, 2)).toEqual([2, 2]);
    const listed: number[] = [];
    for await (const r of c.unitResources.list()) listed.push(r.id);
    expect(listed.length).toBe(total);
  });
});

it("reports an unreachable service as a NetworkError", async () => {
  const c = createCatalogClient({ baseUrl: "http://127.0.0.1:1/sla-catalog/v1", timeoutMs: 5_000 });
  await expect(collect(c.products.list())).rejects.toBeInstanceOf(NetworkError);
});
