/**
 * Typed-API tests of `@meterkit/sla-catalog-client`'s public surface, run by vitest's `typecheck` mode.
 * Each `@ts-expect-error` line proves one misuse a user could write is refused by the compiler.
 */
import {
  type CallOptions,
  createHttpClient,
  type HttpClient,
  HttpError,
  type Paginated,
  retry,
  type SdkError,
} from "@meterkit/core";
import { type CliProgram, EXIT } from "@meterkit/core/cli";
import { assertType, describe, expectTypeOf, it } from "vitest";
import { program, run } from "../src/cli/index.js";
import {
  type ApprovePartyInput,
  ApprovePartySchema,
  type AssociateGuaranteeInput,
  type CatalogClient,
  type CatalogClientOptions,
  type CatalogContext,
  CatalogError,
  type COMPARATORS,
  type Comparator,
  type CompoundFee,
  createCatalogClient,
  createCatalogContext,
  type DATATYPES,
  type Datatype,
  type FixedFee,
  type FixedFeeCreate,
  type Guarantee,
  type GuaranteeCreate,
  getTemplate,
  isCatalogError,
  type Party,
  type PartyStatus,
  type PERIODS,
  type Period,
  type Price,
  type PricedItem,
  type Problem,
  type Product,
  type ProductCreate,
  ProductCreateSchema,
  type ProductOffer,
  type ProductOfferCreate,
  REGISTRIES,
  type Registry,
  type SlaTemplate,
  type TemplateCreate,
  type TemplateListQuery,
  type UnitResource,
  type VariableFee,
  type VariableFeeCreate,
} from "../src/index.js";

declare const catalog: CatalogClient;
const BASE = "http://127.0.0.1:1/sla-catalog/v1";
const fee = { validFrom: "2024-01-01", validUntil: "2024-12-31", period: "per_month" } as const;

describe("createCatalogClient", () => {
  it("takes core's HTTP options or a ready HttpClient", () => {
    expectTypeOf(createCatalogClient).parameter(0).toEqualTypeOf<CatalogClientOptions | HttpClient>();
    expectTypeOf(createCatalogClient).returns.toEqualTypeOf<CatalogClient>();
    createCatalogClient({ baseUrl: BASE, middleware: [retry()], timeoutMs: 5_000, token: "t" });
    createCatalogClient(createHttpClient({ baseUrl: BASE }));
    expectTypeOf(catalog.http).toEqualTypeOf<HttpClient>();
    expectTypeOf(createCatalogContext).returns.toEqualTypeOf<CatalogContext>();
    expectTypeOf<CatalogClient>().toExtend<CatalogContext>();
    // @ts-expect-error packageName is set by the client itself
    createCatalogClient({ baseUrl: BASE, packageName: "mine" });
    // @ts-expect-error the old option name is gone
    createCatalogClient({ url: BASE });
  });
});

describe("methods", () => {
  it("return typed promises and paginated lists", () => {
    expectTypeOf(catalog.products.create({ partyId: 1, name: "Small VM" })).toEqualTypeOf<Promise<Product>>();
    expectTypeOf(catalog.products.get({ productId: 1 })).toEqualTypeOf<Promise<Product>>();
    expectTypeOf(catalog.products.list()).toEqualTypeOf<Paginated<Product>>();
    expectTypeOf(catalog.products.list()).toExtend<AsyncIterable<Product>>();
    expectTypeOf(catalog.products.delete({ productId: 1 })).toEqualTypeOf<Promise<void>>();
    expectTypeOf(catalog.templates.create({ content: "<xml/>" })).toEqualTypeOf<Promise<SlaTemplate>>();
    expectTypeOf(catalog.templates.get({ templateId: "uuid", registry: "ISLAM" })).toEqualTypeOf<
      Promise<SlaTemplate>
    >();
    expectTypeOf(catalog.templates.list({ registry: "SSLAM" })).toEqualTypeOf<Paginated<SlaTemplate>>();
    expectTypeOf(catalog.offers.list({ productId: 1 })).toEqualTypeOf<Paginated<ProductOffer>>();
    expectTypeOf(catalog.parties.create()).toEqualTypeOf<Promise<Party>>();
    expectTypeOf(catalog.parties.approve({ partyId: 1, balance: "10", creditLimit: 0 })).toEqualTypeOf<
      Promise<Party>
    >();
    expectTypeOf(catalog.unitResources.create({ name: "cpu", type: "cpu_speed" })).toEqualTypeOf<
      Promise<UnitResource>
    >();
    expectTypeOf(catalog.fixedFees.create({ ...fee, type: "per_month", value: "5" })).toEqualTypeOf<
      Promise<FixedFee>
    >();
    expectTypeOf(catalog.prices.get({ priceId: 1 })).toEqualTypeOf<Promise<Price>>();
    expectTypeOf(catalog.prices.list({ kind: "compound" })).toEqualTypeOf<Paginated<Price>>();
    expectTypeOf(catalog.guarantees.list()).toEqualTypeOf<Paginated<Guarantee>>();
    expectTypeOf(catalog.pricedItems.setPrice({ priceId: 1, pricedItemId: 2 })).toEqualTypeOf<
      Promise<PricedItem>
    >();
    expectTypeOf(catalog.pricedItems.removeGuarantee({ guaranteeId: 1, pricedItemId: 2 })).toEqualTypeOf<
      Promise<void>
    >();
    expectTypeOf(getTemplate).parameter(0).toEqualTypeOf<CatalogContext>();
  });

  it("take one input object, then CallOptions as the last, optional parameter", () => {
    type Resources = Omit<CatalogClient, "http">;
    type Methods = { [R in keyof Resources]: Resources[R][keyof Resources[R]] }[keyof Resources];
    type LastParameter<F> = F extends (...args: infer A) => unknown
      ? Required<A> extends [...unknown[], infer L]
        ? L
        : never
      : never;
    type LastIsOptional<F> = F extends (...args: infer A) => unknown
      ? Required<A> extends [...infer Init, unknown]
        ? Init extends A
          ? true
          : false
        : false
      : false;
    type Arity<F> = F extends (...args: infer A) => unknown ? Required<A>["length"] : never;
    expectTypeOf<LastParameter<Methods>>().toEqualTypeOf<CallOptions>();
    expectTypeOf<LastIsOptional<Methods>>().toEqualTypeOf<true>();
    expectTypeOf<Arity<Methods>>().toEqualTypeOf<2>();
    void catalog.templates.get(
      { templateId: "uuid", registry: "BSLAM" },
      { signal: AbortSignal.timeout(1_000) },
    );
    // @ts-expect-error the registry is a field of the input, not a second argument
    void catalog.templates.get({ templateId: "uuid" }, "BSLAM");
    // @ts-expect-error ids are named fields
    void catalog.products.get(1);
  });

  it("discriminate prices by kind", () => {
    const price = {} as Price;
    if (price.kind === "fixed") expectTypeOf(price).toEqualTypeOf<FixedFee>();
    else if (price.kind === "variable") expectTypeOf(price).toEqualTypeOf<VariableFee>();
    else expectTypeOf(price).toEqualTypeOf<CompoundFee>();
    expectTypeOf<Price["kind"]>().toEqualTypeOf<"fixed" | "variable" | "compound">();
    expectTypeOf<FixedFee["value"]>().toEqualTypeOf<string>();
    expectTypeOf<Party["balance"]>().toEqualTypeOf<string | null>();
    expectTypeOf<Party["status"]>().toEqualTypeOf<PartyStatus>();
    expectTypeOf<SlaTemplate["registry"]>().toEqualTypeOf<Registry>();
    // @ts-expect-error only variable fees have a condition
    void price.condition;
    // @ts-expect-error not a price kind
    void catalog.prices.list({ kind: "tiered" });
  });
});

describe("inputs", () => {
  it("accept the documented shapes", () => {
    assertType<ProductCreate>({ partyId: 1, name: "n", validFrom: new Date(), maxPrice: "9.99" });
    assertType<ProductOfferCreate>({
      productId: 1,
      partyId: 1,
      templateId: "uuid",
      templateRegistry: "BSLAM",
    });
    assertType<TemplateCreate>({ content: "<xml/>", registry: "ISLAM" });
    assertType<VariableFeeCreate>({
      ...fee,
      type: "per_hour",
      datatype: "GB",
      quantity: "1",
      value: "0.1",
      condition: "greater_than",
      conditionValue: 10,
      conditionDatatype: "GB",
    });
    assertType<GuaranteeCreate>({ name: "n", description: "d", type: "location", percentage: "0.1" });
    expectTypeOf<ProductCreate["validFrom"]>().toEqualTypeOf<string | Date | undefined>();
    expectTypeOf<ProductCreate["maxPrice"]>().toEqualTypeOf<string | number | undefined>();
    expectTypeOf(ProductCreateSchema.parse({}).maxPrice).toEqualTypeOf<string | undefined>();
    expectTypeOf(ApprovePartySchema.parse({}).balance).toEqualTypeOf<string>();
  });

  it("refuse misuse at compile time", () => {
    // @ts-expect-error partyId is required
    void catalog.products.create({ name: "Small VM" });
    // @ts-expect-error partyId is a number id
    void catalog.products.create({ partyId: "465", name: "Small VM" });
    // @ts-expect-error inputs are strict: unknown field
    void catalog.products.create({ partyId: 1, name: "n", price: "1" });
    // @ts-expect-error not a registry
    void catalog.templates.get({ templateId: "uuid", registry: "XSLAM" });
    // @ts-expect-error not a registry
    assertType<TemplateListQuery>({ registry: "bslam" });
    // @ts-expect-error not a period
    assertType<FixedFeeCreate>({ ...fee, period: "per_minute", type: "per_month", value: "5" });
    // @ts-expect-error not a datatype
    assertType<FixedFeeCreate>({ ...fee, type: "per_month", value: "5", datatype: "TB" });
    const guarantee = { name: "n", description: "d", type: "location", percentage: "0.1" };
    // @ts-expect-error not a comparator
    assertType<GuaranteeCreate>({ ...guarantee, operator: "lt" });
    // @ts-expect-error a decimal is a string or a number, not a boolean
    assertType<ApprovePartyInput>({ partyId: 1, balance: true, creditLimit: "0" });
    // @ts-expect-error a day is a YYYY-MM-DD string or a Date, not a timestamp
    assertType<ProductCreate>({ partyId: 1, name: "n", validFrom: 1_704_067_200_000 });
    // @ts-expect-error both ids are required
    assertType<AssociateGuaranteeInput>({ guaranteeId: 1 });
    // @ts-expect-error ids are numbers
    void catalog.parties.delete({ partyId: "1" });
  });

  it("exposes the enum values as readonly tuples", () => {
    expectTypeOf(REGISTRIES).toEqualTypeOf<readonly ["BSLAM", "SSLAM", "ISLAM"]>();
    expectTypeOf<Registry>().toEqualTypeOf<"BSLAM" | "SSLAM" | "ISLAM">();
    expectTypeOf<Period>().toEqualTypeOf<(typeof PERIODS)[number]>();
    expectTypeOf<Datatype>().toEqualTypeOf<(typeof DATATYPES)[number]>();
    expectTypeOf<Comparator>().toEqualTypeOf<(typeof COMPARATORS)[number]>();
    expectTypeOf<"APPROVED">().toExtend<PartyStatus>();
  });
});

describe("errors and CLI", () => {
  it("CatalogError is core's HttpError with the problem details", () => {
    expectTypeOf<CatalogError>().toExtend<HttpError>();
    expectTypeOf<CatalogError>().toExtend<SdkError>();
    expectTypeOf<CatalogError["problem"]>().toEqualTypeOf<Problem>();
    expectTypeOf<CatalogError["problemCode"]>().toEqualTypeOf<string>();
    expectTypeOf<Problem["status"]>().toEqualTypeOf<number>();
    const caught: unknown = null;
    if (isCatalogError(caught, "in_use")) expectTypeOf(caught).toEqualTypeOf<CatalogError>();
    // @ts-expect-error a CatalogError needs the problem body
    new CatalogError(new HttpError({ status: 409, method: "DELETE", url: BASE, body: null, headers: {} }));
  });

  it("the CLI is the ./cli subpath: a kit program and run() resolving to an exit code", () => {
    expectTypeOf(program).toExtend<CliProgram<CatalogClient>>();
    expectTypeOf(
      run(["AddProduct", "-p", "1"], { env: {}, stdout: () => {}, stderr: () => {} }),
    ).toEqualTypeOf<Promise<number>>();
    expectTypeOf(EXIT.conflict).toEqualTypeOf<5>();
    // @ts-expect-error argv is a list of strings
    void run("AddProduct", { env: {}, stdout: () => {}, stderr: () => {} });
    // @ts-expect-error exit codes are readonly
    EXIT.ok = 1;
  });
});
