/**
 * Typed-API tests of `@meterkit/rating-hashmap-client`'s public surface, run by vitest's `typecheck` mode.
 * They extend `types.test.ts` (result types of a few methods, five misuses) to the whole surface: client
 * options, every method group, the standalone operations, schemas, errors and the local engine.
 * Each `@ts-expect-error` line proves one misuse a user could write is refused by the compiler.
 */
import {
  type CallOptions,
  type ClientOptions,
  type HttpClient,
  type HttpError,
  keystoneAuth,
  type SdkError,
} from "@meterkit/core";
import { assertType, describe, expectTypeOf, it } from "vitest";
import {
  type CreateFieldInput,
  CreateMappingInput,
  type CreateThresholdInput,
  createHashMapClient,
  createHashMapContext,
  createMapping,
  createRatingEngine,
  type DecimalInput,
  type DeleteGroupInput,
  type DescValue,
  deleteGroup,
  type FetchRuleSetInput,
  Field,
  fetchRuleSet,
  Group,
  getModule,
  type HashMapClient,
  type HashMapClientOptions,
  type HashMapContext,
  type HashMapErrorReason,
  HashMapHttpError,
  listMappings,
  listServices,
  MAP_TYPES,
  Mapping,
  MappingPatch,
  type MapType,
  quote,
  type RatingEngine,
  type RatingEngineError,
  type RatingEngineOptions,
  RatingModule,
  type RuleFilter,
  RuleSet,
  Service,
  Threshold,
  type ThresholdPatch,
  type UnsupportedByServerError,
  UsageRecord,
  updateModule,
} from "../src/index.js";

declare const hm: HashMapClient;
declare const http: HttpClient;
const SVC = "6f7c1d5e-0000-4000-8000-000000000001";

describe("createHashMapClient", () => {
  it("takes core's client options (with baseUrl optional) or an HttpClient", () => {
    expectTypeOf(createHashMapClient).parameters.toEqualTypeOf<[HashMapClientOptions | HttpClient]>();
    expectTypeOf(createHashMapClient).returns.toEqualTypeOf<HashMapClient>();
    expectTypeOf<HashMapClientOptions>().toEqualTypeOf<ClientOptions>();
    expectTypeOf(createHashMapContext).returns.toEqualTypeOf<HashMapContext>();
    expectTypeOf<HashMapClient>().toExtend<HashMapContext>();
    createHashMapClient({ baseUrl: "http://127.0.0.1:8889", retry: { maxAttempts: 3 }, timeoutMs: 5_000 });
    createHashMapClient({ baseUrl: "http://127.0.0.1:8889", token: "t" });
    const keystone = keystoneAuth({ authUrl: "http://k/v3", username: "u", password: "p", projectName: "p" });
    createHashMapClient({ auth: keystone, endpoint: { interface: "internal", region: "RegionOne" } });
    createHashMapClient(http);
    expectTypeOf(hm.http).toEqualTypeOf<HttpClient>();
    // @ts-expect-error the old `http` option is gone: pass the HttpClient itself
    createHashMapClient({ http });
    // @ts-expect-error the old `url` option is gone: baseUrl
    createHashMapClient({ url: "http://x" });
    // @ts-expect-error packageName is set by the client itself
    createHashMapClient({ baseUrl: "http://x", packageName: "mine" });
    // @ts-expect-error timeoutMs is a number
    createHashMapClient({ baseUrl: "http://x", timeoutMs: "5s" });
  });
});

describe("client methods", () => {
  it("return the typed models", () => {
    expectTypeOf(hm.mapTypes.list()).toEqualTypeOf<Promise<MapType[]>>();
    expectTypeOf(hm.services.list()).toEqualTypeOf<Promise<Service[]>>();
    expectTypeOf(hm.services.create({ name: "instance" })).toEqualTypeOf<Promise<Service>>();
    expectTypeOf(hm.services.delete({ serviceId: SVC })).toEqualTypeOf<Promise<void>>();
    expectTypeOf(hm.fields.list({ serviceId: SVC })).toEqualTypeOf<Promise<Field[]>>();
    expectTypeOf(hm.fields.create({ service_id: SVC, name: "flavor_id" })).toEqualTypeOf<Promise<Field>>();
    expectTypeOf(hm.groups.get({ groupId: "g" })).toEqualTypeOf<Promise<Group>>();
    expectTypeOf(hm.groups.mappings({ groupId: "g" })).toEqualTypeOf<Promise<Mapping[]>>();
    expectTypeOf(hm.groups.thresholds({ groupId: "g" })).toEqualTypeOf<Promise<Threshold[]>>();
    expectTypeOf(hm.mappings.list({ service_id: SVC })).toEqualTypeOf<Promise<Mapping[]>>();
    expectTypeOf(hm.mappings.update({ mappingId: "m", patch: { cost: "0.5" } })).toEqualTypeOf<
      Promise<Mapping>
    >();
    // A rule without a group answers null.
    expectTypeOf(hm.mappings.group({ mappingId: "m" })).toEqualTypeOf<Promise<Group | null>>();
    expectTypeOf(hm.thresholds.create({ field_id: SVC, level: "10", cost: 1n })).toEqualTypeOf<
      Promise<Threshold>
    >();
    expectTypeOf(hm.thresholds.update({ thresholdId: "t", patch: { level: 20 } })).toEqualTypeOf<
      Promise<Threshold>
    >();
    expectTypeOf(hm.modules.list()).toEqualTypeOf<Promise<RatingModule[]>>();
    expectTypeOf(hm.modules.get()).toEqualTypeOf<Promise<RatingModule>>();
    expectTypeOf(hm.module.setPriority({ priority: 2 })).toEqualTypeOf<Promise<RatingModule>>();
  });

  it("take CallOptions (or an extension of it) as the last, optional parameter", () => {
    type Groups = Omit<HashMapClient, "http" | "quote">;
    type MethodsOf<G> = { [K in keyof G]: G[K] }[keyof G];
    type AllMethods = { [G in keyof Groups]: MethodsOf<Groups[G]> }[keyof Groups] | HashMapClient["quote"];
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
    expectTypeOf<Lasts<AllMethods>>().toEqualTypeOf<CallOptions>();
    expectTypeOf<Optional<AllMethods>>().toEqualTypeOf<true>();
    void hm.groups.delete({ groupId: "g", recursive: true }, { signal: AbortSignal.timeout(1_000) });
    // @ts-expect-error the call options come after the input
    void hm.groups.delete({ groupId: "g", signal: AbortSignal.timeout(1_000) });
    // @ts-expect-error the input is one object of named fields, not a bare id
    void hm.services.get(SVC);
  });

  it("refuse bad inputs at compile time", () => {
    assertType<DecimalInput>("0.7");
    assertType<DecimalInput>(7n);
    // @ts-expect-error a decimal is a string, bigint or integer, not a boolean
    assertType<DecimalInput>(true);
    // @ts-expect-error a service needs its name
    void hm.services.create({});
    // @ts-expect-error a field needs its service
    void hm.fields.create({ name: "flavor_id" });
    // @ts-expect-error a threshold needs its level
    void hm.thresholds.create({ service_id: SVC, cost: "1" });
    // @ts-expect-error cost is a decimal, not an object
    void hm.mappings.update({ mappingId: "m", patch: { cost: { value: "1" } } });
    // @ts-expect-error patches are strict: unknown key
    void hm.mappings.update({ mappingId: "m", patch: { costs: "1" } });
    // @ts-expect-error thresholds have no value
    assertType<ThresholdPatch>({ value: "m1.small" });
    // @ts-expect-error rule filters are strict: unknown key
    void hm.thresholds.list({ service: SVC });
    // @ts-expect-error no_group is a boolean
    assertType<RuleFilter>({ service_id: SVC, no_group: "yes" });
    // @ts-expect-error enabled is a boolean
    void hm.modules.update({ moduleId: "hashmap", enabled: "true" });
    // @ts-expect-error priority is a number
    void hm.module.setPriority({ priority: "1" });
    // @ts-expect-error volume is a decimal, not a boolean
    void hm.quote({ resources: [{ service: "instance", volume: true }] });
    // @ts-expect-error usage attributes go under desc.metadata or desc.groupby
    assertType<UsageRecord>({ service: "instance", volume: "1", desc: { flavor_id: "m1" } });
    // desc values are any JSON value, as CloudKitty takes them
    assertType<UsageRecord>({
      service: "instance",
      volume: "1",
      desc: { metadata: { tags: ["a", { k: null }] } },
    });
    // @ts-expect-error but not undefined
    assertType<UsageRecord>({ service: "instance", volume: "1", desc: { metadata: { tags: [undefined] } } });
  });
});

describe("schemas and models", () => {
  it("are zod schemas exported with a same-named type", () => {
    expectTypeOf(Mapping.parse({})).toEqualTypeOf<Mapping>();
    expectTypeOf(Threshold.parse({})).toEqualTypeOf<Threshold>();
    expectTypeOf(Service.parse({})).toEqualTypeOf<Service>();
    expectTypeOf(Field.parse({})).toEqualTypeOf<Field>();
    expectTypeOf(Group.parse({})).toEqualTypeOf<Group>();
    expectTypeOf(RatingModule.parse({})).toEqualTypeOf<RatingModule>();
    expectTypeOf(MAP_TYPES).toEqualTypeOf<readonly ["flat", "rate"]>();
    expectTypeOf<Threshold["level"]>().toEqualTypeOf<string>();
    expectTypeOf<Mapping["value"]>().toEqualTypeOf<string | null>();
    expectTypeOf<RatingModule["hot-config"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<CreateMappingInput["cost"]>().toEqualTypeOf<DecimalInput>();
    expectTypeOf<CreateThresholdInput["level"]>().toEqualTypeOf<DecimalInput>();
    expectTypeOf<CreateFieldInput>().toEqualTypeOf<{ service_id: string; name: string }>();
    expectTypeOf(CreateMappingInput.safeParse({}).success).toEqualTypeOf<boolean>();
    expectTypeOf(MappingPatch.parse({}).cost).toEqualTypeOf<string | undefined>();
    expectTypeOf(UsageRecord.parse({}).volume).toEqualTypeOf<string>();
    expectTypeOf<string | number | boolean | null | DescValue[] | { k: DescValue }>().toExtend<DescValue>();
    // @ts-expect-error not a map type
    assertType<MapType>("percent");
  });
});

describe("standalone operations", () => {
  it("take the context first, one input object, and CallOptions last", () => {
    const ctx = createHashMapContext({ baseUrl: "http://127.0.0.1:8889" });
    expectTypeOf(listServices).parameter(0).toEqualTypeOf<HashMapContext>();
    expectTypeOf(listServices).parameter(2).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf(listServices(ctx)).toEqualTypeOf<Promise<Service[]>>();
    expectTypeOf(listServices(hm)).toEqualTypeOf<Promise<Service[]>>();
    expectTypeOf(createMapping(ctx, { service_id: SVC, cost: "1" })).toEqualTypeOf<Promise<Mapping>>();
    expectTypeOf(listMappings(ctx, { group_id: SVC }, { timeoutMs: 1 })).toEqualTypeOf<Promise<Mapping[]>>();
    expectTypeOf(getModule(ctx)).toEqualTypeOf<Promise<RatingModule>>();
    expectTypeOf(updateModule(ctx, { moduleId: "hashmap", priority: 1 })).toEqualTypeOf<
      Promise<RatingModule>
    >();
    expectTypeOf(deleteGroup(ctx, { groupId: "g", recursive: true })).toEqualTypeOf<Promise<void>>();
    assertType<DeleteGroupInput>({ groupId: "g" });
    expectTypeOf(quote(ctx, { resources: [{ service: "instance", volume: 1 }] })).toEqualTypeOf<
      Promise<string>
    >();
    // @ts-expect-error a core HttpClient is not a context: createHashMapContext(http)
    void listServices(http);
    // @ts-expect-error the context comes first
    void quote({ resources: [{ service: "instance", volume: 1 }] }, ctx);
    // @ts-expect-error quote takes { resources }, not the bare list
    void quote(ctx, [{ service: "instance", volume: 1 }]);
  });
});

describe("errors", () => {
  it("extend core's errors with typed extras", () => {
    expectTypeOf<HashMapHttpError>().toExtend<HttpError>();
    expectTypeOf<HashMapHttpError>().toExtend<SdkError>();
    expectTypeOf<UnsupportedByServerError>().toExtend<SdkError>();
    expectTypeOf<RatingEngineError>().toExtend<SdkError>();
    expectTypeOf<HashMapHttpError["reason"]>().toEqualTypeOf<HashMapErrorReason>();
    expectTypeOf<"not_found" | "conflict" | "server">().toExtend<HashMapErrorReason>();
    expectTypeOf<HashMapHttpError["serverMessage"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<UnsupportedByServerError["feature"]>().toEqualTypeOf<string>();
    // @ts-expect-error not a HashMapErrorReason
    assertType<HashMapErrorReason>("timeout");
    // @ts-expect-error a HashMapHttpError wraps core's HttpError
    new HashMapHttpError(new Error("404"));
  });
});

describe("local rating engine", () => {
  it("prices usage from a rule set", async () => {
    const rules = await fetchRuleSet(hm, { tenantId: "t", services: ["instance"] });
    const engine = createRatingEngine(rules, { tenantId: "t" });
    expectTypeOf(engine).toEqualTypeOf<RatingEngine>();
    expectTypeOf(engine.pricePerRecord([{ service: "instance", volume: "1" }])).toEqualTypeOf<string[]>();
    expectTypeOf(fetchRuleSet).parameter(0).toEqualTypeOf<HashMapContext | HttpClient>();
    expectTypeOf(fetchRuleSet).parameter(1).toEqualTypeOf<FetchRuleSetInput | undefined>();
    expectTypeOf(fetchRuleSet).parameter(2).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf<RatingEngineOptions>().toEqualTypeOf<{ tenantId?: string; at?: Date | string }>();
    assertType<RuleSet>({ services: [{ service_id: SVC, name: "instance" }] });
    expectTypeOf(RuleSet.parse({}).mappings).toExtend<Mapping[]>();
    expectTypeOf(RuleSet.parse({}).mappings[0]!.is_active).toEqualTypeOf<boolean | null | undefined>();
    // @ts-expect-error a rule set needs its services
    createRatingEngine({ mappings: [] });
    const ids = { mapping_id: "m", service_id: SVC, field_id: null, group_id: null, tenant_id: null };
    assertType<RuleSet>({ services: [], mappings: [{ ...ids, value: "", type: "flat", cost: "0.5" }] });
    // @ts-expect-error model costs are decimal strings as the server sends them
    assertType<RuleSet>({ services: [], mappings: [{ ...ids, value: "", type: "flat", cost: 0.5 }] });
    // @ts-expect-error services is a list of names
    void fetchRuleSet(http, { services: "instance" });
    // @ts-expect-error the tenant id is a string
    createRatingEngine(rules, { tenantId: 42 });
  });
});
