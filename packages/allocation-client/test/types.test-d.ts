/**
 * Typed-API tests of `@meterkit/allocation-client`'s public surface, run by vitest's `typecheck` mode.
 * Each `@ts-expect-error` line proves one misuse a user could write is refused by the compiler.
 */
import {
  type CallOptions,
  createHttpClient,
  type HttpClient,
  type HttpError,
  isSdkError,
  type Paginated,
  type SdkError,
  tokenAuth,
} from "@meterkit/core";
import { assertType, describe, expectTypeOf, it } from "vitest";
import {
  type ApproveOrderInput,
  approveOrder,
  type ComponentUsage,
  type ConflictRetryOptions,
  type CreateComponentUsagesInput,
  type CreateOfferingUserInput,
  collect,
  createWaldurClient,
  createWaldurContext,
  drfErrorMessages,
  type Generation,
  type ListOptions,
  type Offering,
  type OfferingUser,
  type ORDER_STATES,
  ORDER_TYPES,
  type Order,
  type OrderActionResult,
  type OrderFilters,
  type OrderState,
  type OrderType,
  type PlanPeriod,
  type ProjectUser,
  type RESOURCE_STATES,
  type RejectOrderInput,
  type ReportSection,
  type Resource,
  type ResourceQuery,
  type ResourceReadInput,
  type ResourceState,
  type ResourceStatus,
  type SshKey,
  StateConflictError,
  type UnsupportedOperationError,
  type User,
  type WaldurClient,
  type WaldurClientOptions,
  type WaldurContext,
} from "../src/index.js";

declare const waldur: WaldurClient;

describe("createWaldurClient", () => {
  it("takes typed options and returns a WaldurClient", () => {
    expectTypeOf(createWaldurClient).parameters.toEqualTypeOf<[WaldurClientOptions | HttpClient]>();
    expectTypeOf(createWaldurClient).returns.toEqualTypeOf<WaldurClient>();
    expectTypeOf(createWaldurContext).returns.toEqualTypeOf<WaldurContext>();
    expectTypeOf<WaldurClient>().toExtend<WaldurContext>();
    createWaldurClient(createHttpClient({ baseUrl: "http://x/api/" }));
    createWaldurClient({ baseUrl: "http://127.0.0.1:8000/api/", token: "t" });
    createWaldurClient({
      baseUrl: new URL("http://x/api/"),
      auth: tokenAuth({ token: "t", scheme: "Bearer" }),
    });
    createWaldurClient({
      baseUrl: "http://x/api/",
      token: "t",
      generation: "legacy",
      pageSize: 50,
      conflictRetry: { attempts: 1, delayMs: 0 },
      retry: { maxAttempts: 3 },
      timeoutMs: 5_000,
      userAgent: "demo/1",
    });
    expectTypeOf<Generation>().toEqualTypeOf<"current" | "legacy">();
    expectTypeOf(waldur.generation).toEqualTypeOf<Generation>();
    // @ts-expect-error baseUrl is required
    createWaldurClient({ token: "t" });
    // @ts-expect-error not a server generation
    createWaldurClient({ baseUrl: "http://x/api/", token: "t", generation: "v9" });
    // @ts-expect-error pageSize is a number
    createWaldurClient({ baseUrl: "http://x/api/", token: "t", pageSize: "50" });
    // @ts-expect-error conflictRetry knows attempts and delayMs only
    assertType<ConflictRetryOptions>({ retries: 3 });
    // @ts-expect-error auth is a strategy, not a token string
    createWaldurClient({ baseUrl: "http://x/api/", auth: "t" });
  });
});

describe("lists", () => {
  it("are async iterables of typed items", () => {
    expectTypeOf(waldur.users.list()).toEqualTypeOf<Paginated<User>>();
    expectTypeOf(waldur.sshKeys.list()).toEqualTypeOf<Paginated<SshKey>>();
    expectTypeOf(waldur.resources.list()).toEqualTypeOf<Paginated<Resource>>();
    expectTypeOf(waldur.resources.listAsProvider()).toEqualTypeOf<Paginated<Resource>>();
    expectTypeOf(waldur.orders.list()).toEqualTypeOf<Paginated<Order>>();
    expectTypeOf(waldur.orders.list()).toExtend<AsyncIterable<Order>>();
    expectTypeOf(collect(waldur.orders.list({ state: "pending-provider" }), 10)).toEqualTypeOf<
      Promise<Order[]>
    >();
    expectTypeOf<ListOptions>().toExtend<CallOptions>();
    void waldur.resources.list(
      { state: ["Creating", "OK"], fields: ["uuid", "name"] },
      { pageSize: 10, limit: 5 },
    );
    void waldur.users.list({ username: "alice", is_active: true, custom_filter: 1 });
  });

  it("refuse unknown states and wrong filter types", () => {
    expectTypeOf<ResourceState>().toEqualTypeOf<(typeof RESOURCE_STATES)[number]>();
    expectTypeOf<"Creating">().toExtend<ResourceState>();
    expectTypeOf<OrderType>().toEqualTypeOf<"Create" | "Update" | "Terminate" | "Restore">();
    expectTypeOf<(typeof ORDER_STATES)[number]>().toExtend<OrderState>();
    expectTypeOf(ORDER_TYPES).toEqualTypeOf<readonly ["Create", "Update", "Terminate", "Restore"]>();
    // @ts-expect-error resource states are capitalised
    assertType<ResourceQuery>({ state: "creating" });
    // @ts-expect-error not an order type
    assertType<OrderFilters>({ type: "Delete" });
    // @ts-expect-error not an order state
    void waldur.orders.list({ state: "approved" });
    // @ts-expect-error filter values are scalars or arrays of them
    void waldur.users.list({ customer_uuid: { uuid: "x" } });
    // @ts-expect-error is_active is a boolean
    void waldur.users.list({ is_active: "yes" });
    // @ts-expect-error limit is a number
    void waldur.resources.list({}, { limit: "5" });
  });
});

describe("operations", () => {
  it("return typed promises", () => {
    expectTypeOf(waldur.resources.setBackendId({ resourceUuid: "r", backendId: "b" })).toEqualTypeOf<
      Promise<ResourceStatus>
    >();
    expectTypeOf(
      waldur.resources.submitReport({ resourceUuid: "r", report: [{ header: "h", body: "b" }] }),
    ).toEqualTypeOf<Promise<ResourceStatus>>();
    expectTypeOf(waldur.resources.getTeam({ resourceUuid: "r", view: "consumer" })).toEqualTypeOf<
      Promise<ProjectUser[]>
    >();
    expectTypeOf(waldur.resources.getPlanPeriods({ resourceUuid: "r" })).toEqualTypeOf<
      Promise<PlanPeriod[]>
    >();
    expectTypeOf(waldur.orders.approve({ orderUuid: "o" })).toEqualTypeOf<Promise<OrderActionResult>>();
    expectTypeOf(waldur.orders.reject({ orderUuid: "o", comment: "no" })).toEqualTypeOf<
      Promise<OrderActionResult>
    >();
    expectTypeOf(waldur.offerings.get({ offeringUuid: "off" })).toEqualTypeOf<Promise<Offering>>();
    expectTypeOf(approveOrder).parameters.toEqualTypeOf<
      [WaldurContext, ApproveOrderInput, (CallOptions | undefined)?]
    >();
    expectTypeOf(
      waldur.componentUsages.create({ resourceUuid: "r", usages: [{ type: "cpu", amount: "1.5" }] }),
    ).toEqualTypeOf<Promise<void>>();
    expectTypeOf(waldur.offeringUsers.create({ offering: "o", user: "u" })).toEqualTypeOf<
      Promise<OfferingUser>
    >();
    expectTypeOf<ResourceStatus["status"]>().toEqualTypeOf<string>();
    expectTypeOf<Resource["uuid"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Order["cost"]>().toEqualTypeOf<string | number | null | undefined>();
  });

  it("take CallOptions (or an extension of it) as the last, optional parameter", () => {
    type Groups = Omit<WaldurClient, keyof WaldurContext>;
    type MethodsOf<G> = { [K in keyof G]: G[K] }[keyof G];
    type AllMethods = { [G in keyof Groups]: MethodsOf<Groups[G]> }[keyof Groups];
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
    type Lasts<U> = U extends unknown ? LastParameter<U> : never;
    type Optional<U> = U extends unknown ? LastIsOptional<U> : never;
    expectTypeOf<Lasts<AllMethods>>().toExtend<CallOptions>();
    expectTypeOf<Lasts<AllMethods>>().toEqualTypeOf<CallOptions | ListOptions>();
    expectTypeOf<Optional<AllMethods>>().toEqualTypeOf<true>();
    void waldur.offerings.get(
      { offeringUuid: "off" },
      { signal: AbortSignal.timeout(1_000), headers: { "x-a": "b" } },
    );
    // @ts-expect-error the input is one object of named fields
    void waldur.offerings.get("off");
    // @ts-expect-error the offering is named offeringUuid
    void waldur.offerings.get({ uuid: "off" });
    // @ts-expect-error the call options come after the input
    void waldur.orders.approve({ orderUuid: "o" }, { attributes: {} });
  });

  it("refuse bad inputs at compile time", () => {
    assertType<ComponentUsage>({ componentType: "cpu", amount: 2, recurring: false });
    assertType<ApproveOrderInput>({ orderUuid: "o", attributes: { a: 1 } });
    assertType<ResourceReadInput>({ resourceUuid: "r", view: "provider" });
    // @ts-expect-error an approval names its order
    assertType<ApproveOrderInput>({ attributes: { a: 1 } });
    // @ts-expect-error an amount is a decimal string or a number, not a boolean
    assertType<ComponentUsage>({ type: "cpu", amount: true });
    // @ts-expect-error amount is required
    assertType<ComponentUsage>({ type: "cpu" });
    // @ts-expect-error usages are required
    assertType<CreateComponentUsagesInput>({ resourceUuid: "r" });
    // @ts-expect-error a date is a Date or an ISO string
    assertType<CreateComponentUsagesInput>({ resourceUuid: "r", usages: [], date: 1_700_000_000 });
    // @ts-expect-error offering and user are required
    assertType<CreateOfferingUserInput>({ username: "alice" });
    // @ts-expect-error a report is a list of sections
    void waldur.resources.submitReport({ resourceUuid: "r", report: "all good" });
    // @ts-expect-error a section needs a body
    assertType<ReportSection>({ header: "h" });
    // @ts-expect-error the comment is a string
    assertType<RejectOrderInput>({ orderUuid: "o", comment: 42 });
    // @ts-expect-error a resource view is provider or consumer
    void waldur.resources.getTeam({ resourceUuid: "r", view: "staff" });
    // @ts-expect-error the resource uuid is a string
    void waldur.resources.setBackendId({ resourceUuid: 42, backendId: "b" });
  });
});

describe("errors", () => {
  it("extend core's SdkError; a state conflict is an HttpError", () => {
    expectTypeOf<StateConflictError>().toExtend<SdkError>();
    expectTypeOf<StateConflictError>().toExtend<HttpError>();
    const e: unknown = undefined;
    if (isSdkError(e, "state_conflict")) expectTypeOf(e).toEqualTypeOf<StateConflictError>();
    if (isSdkError(e, "unsupported_operation")) expectTypeOf(e).toEqualTypeOf<UnsupportedOperationError>();
    expectTypeOf<UnsupportedOperationError>().toExtend<SdkError>();
    expectTypeOf<StateConflictError["attempts"]>().toEqualTypeOf<number>();
    expectTypeOf<StateConflictError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<UnsupportedOperationError["operation"]>().toEqualTypeOf<string>();
    expectTypeOf(drfErrorMessages).toEqualTypeOf<(body: unknown) => string[]>();
    // @ts-expect-error a StateConflictError wraps the last HttpError
    new StateConflictError(new Error("409"), 3);
  });
});
