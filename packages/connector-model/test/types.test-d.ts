/**
 * Typed-API tests of `@meterkit/connector-model`'s public surface, run by vitest's `typecheck` mode.
 * Each `@ts-expect-error` line proves one misuse a connector author could write is refused by the compiler.
 */
import type { Dispatcher } from "undici";
import { assertType, describe, expectTypeOf, it } from "vitest";
import {
  Account,
  Appliance,
  type ApplianceOptions,
  type ApplianceTypeId,
  type BadResponseError,
  type BaseResourceOptions,
  Circuit,
  type Clock,
  type CmpContext,
  type CmpContextOptions,
  type CmpResponse,
  ColoSpace,
  ComputePool,
  Connections,
  type ConnectorContext,
  ConnectorModelError,
  connectorHandler,
  convertDatetime,
  createCmpContext,
  type DateInput,
  type DateParseError,
  fixedClock,
  ImageDetail,
  ImageDetailMap,
  type ImageTuple,
  InsufficientPermission,
  InvalidCredentials,
  type InvalidTypeError,
  type InvalidValueError,
  IpAddress,
  isConnectorModelError,
  Locations,
  Logger,
  type LogSeverity,
  Metadata,
  type MetadataEntry,
  type MissingKeyError,
  type ModelErrorCode,
  Network,
  NoBillingReport,
  type OptionsValidationError,
  type OutOfRangeError,
  PreciseDateTime,
  parseIsoDateTime,
  Region,
  Resource,
  SaasUser,
  type Serializable,
  type SerializedAccount,
  type SerializedImageDetail,
  type SerializedMetadata,
  type SerializedResource,
  Server,
  type ServerState,
  ServiceOffering,
  SpendError,
  serializeList,
  setTaskPercentage,
  setupTimeInterval,
  strptime,
  systemClock,
  type TaskContext,
  type TimeInterval,
  Volume,
} from "../src/index.js";
import { ServerOptionsSchema, VolumeOptionsSchema, validateOptions } from "../src/schemas/index.js";
import { type VcrOptions, vcrCassetteContext } from "../src/testing/index.js";

const base = { id: "srv-1", name: "web" } as const;

describe("resources", () => {
  it("every typed resource is a Resource built from its options", () => {
    expectTypeOf(new Server(base)).toExtend<Resource>();
    expectTypeOf(new Volume(base)).toExtend<Resource>();
    expectTypeOf(new Network(base)).toExtend<Resource>();
    expectTypeOf(new Appliance(base)).toExtend<Resource>();
    expectTypeOf(new ServiceOffering(base)).toExtend<Resource>();
    expectTypeOf(new ComputePool(base)).toExtend<Resource>();
    expectTypeOf(new SaasUser(base)).toExtend<Resource>();
    expectTypeOf(new ColoSpace(base)).toExtend<Resource>();
    expectTypeOf(new Circuit(base)).toExtend<Resource>();
    expectTypeOf(new Server(base).serialize()).toEqualTypeOf<SerializedResource>();
    expectTypeOf(new Resource({ ...base, type: "dns_zone" }).id).toEqualTypeOf<string>();
    expectTypeOf<Resource["type"]>().toEqualTypeOf<string>();
    expectTypeOf<SerializedResource["base"]["last_seen_at"]>().toEqualTypeOf<string>();
    expectTypeOf<SerializedResource["base"]["provider_created_at"]>().toEqualTypeOf<string | null>();
    expectTypeOf<SerializedResource["metadata"]>().toEqualTypeOf<SerializedMetadata>();
  });

  it("accepts the documented option types", () => {
    new Server({
      ...base,
      cpuCores: 2,
      ramB: 4 * 1024 ** 3,
      state: "running",
      imageDetail: new ImageDetail({ id: "img" }),
      ipAddresses: [new IpAddress({ ipAddress: "10.0.0.1" })],
      isVirtual: true,
      region: new Region({ id: "eu" }),
      locations: new Locations({ locations: [{ city: { id: "par" }, type: "provider" }] }),
      providerCreatedAt: new Date(),
      metadata: new Metadata({ values: [["k", 1]] }),
      connections: new Connections({ servers: ["s2"] }),
      clock: fixedClock("2024-01-01T00:00:00Z"),
    });
    // A state outside the documented list is accepted and emitted as given, like the original.
    new Server({ ...base, state: "hibernating" });
    new Volume({ ...base, iops: 3000n });
    new Volume({ ...base, iops: "3000" });
    new Appliance({ ...base, typeId: "firewall", sizeB: null });
    expectTypeOf<"firewall">().toExtend<ApplianceTypeId>();
    expectTypeOf<"running">().toExtend<ServerState>();
    expectTypeOf<ApplianceOptions>().toExtend<BaseResourceOptions>();
  });

  it("refuses misuse at compile time", () => {
    // @ts-expect-error id is required
    new Server({ name: "web" });
    // @ts-expect-error name is required
    new Volume({ id: "v" });
    // @ts-expect-error id is a string, not a number
    new Server({ id: 1, name: "web" });
    // @ts-expect-error cpuCores is a number
    new Server({ ...base, cpuCores: "2" });
    // @ts-expect-error isVirtual is a boolean
    new Server({ ...base, isVirtual: "yes" });
    // @ts-expect-error encrypted is a boolean
    new Volume({ ...base, encrypted: 1 });
    // @ts-expect-error a generic Resource needs its type
    new Resource(base);
    // @ts-expect-error typed subclasses fix their own type
    new Server({ ...base, type: "volume" });
    // @ts-expect-error unknown option
    new Network({ ...base, cidr: "10.0.0.0/8" });
    // @ts-expect-error region is a Region, not its id
    new Server({ ...base, region: "eu" });
    // @ts-expect-error ipAddresses are IpAddress objects
    new Server({ ...base, ipAddresses: ["10.0.0.1"] });
    // @ts-expect-error providerCreatedAt is a date, date string or PreciseDateTime
    new Server({ ...base, providerCreatedAt: 1_700_000_000 });
    // @ts-expect-error serialize() options take a clock
    new Server(base).serialize({ now: Date.now });
  });
});

describe("value objects", () => {
  it("have typed constructors and serialize()", () => {
    expectTypeOf(new ImageDetail({ id: "i" }).serialize()).toEqualTypeOf<SerializedImageDetail>();
    expectTypeOf(new ImageDetailMap().get("i")).toEqualTypeOf<ImageDetail>();
    assertType<ImageTuple>(["Ubuntu", "linux", "ubuntu", "22.04", "x86_64"]);
    new ImageDetailMap({ mapping: { "ami-1": ["Ubuntu", "linux", "ubuntu", "22.04", "x86_64"] } });
    expectTypeOf(new Region({ id: "eu" }).serialize()).toEqualTypeOf<{ id: string }>();
    expectTypeOf(new Account().serialize()).toEqualTypeOf<SerializedAccount>();
    expectTypeOf(new Metadata().add("k", 1)).toEqualTypeOf<Metadata>();
    expectTypeOf(new Connections().add({ volumes: ["v"] })).toEqualTypeOf<Connections>();
    expectTypeOf(new Locations({ locations: [] }).serialize()).toEqualTypeOf<unknown[]>();
    assertType<MetadataEntry>(["ns", "k", 1]);
    assertType<MetadataEntry>(["k", 1]);
    expectTypeOf(serializeList([new Server(base), new Region({ id: "eu" })])).toEqualTypeOf<unknown[]>();
    expectTypeOf<Server>().toExtend<Serializable>();
    // @ts-expect-error an ImageDetail needs its id
    new ImageDetail({ name: "Ubuntu" });
    // @ts-expect-error an image tuple has five entries
    assertType<ImageTuple>(["Ubuntu", "linux"]);
    // @ts-expect-error a Region id is a string
    new Region({ id: 7 });
    // @ts-expect-error locations are required
    new Locations({});
    // @ts-expect-error a metadata entry is a tuple, not an object
    new Metadata({ values: [{ key: "k", value: 1 }] });
    // @ts-expect-error serializeList takes serializable items
    serializeList([{ id: "x" }]);
  });
});

describe("errors", () => {
  it("form a hierarchy under ConnectorModelError with literal codes", () => {
    expectTypeOf<ConnectorModelError>().toExtend<Error>();
    expectTypeOf<InvalidValueError>().toExtend<ConnectorModelError>();
    expectTypeOf<DateParseError>().toExtend<InvalidValueError>();
    expectTypeOf<OptionsValidationError>().toExtend<InvalidValueError>();
    expectTypeOf<InvalidTypeError>().toExtend<ConnectorModelError>();
    expectTypeOf<OutOfRangeError>().toExtend<ConnectorModelError>();
    expectTypeOf<MissingKeyError>().toExtend<ConnectorModelError>();
    expectTypeOf<BadResponseError>().toExtend<ConnectorModelError>();
    expectTypeOf<ConnectorModelError["code"]>().toEqualTypeOf<ModelErrorCode>();
    expectTypeOf<ModelErrorCode>().toEqualTypeOf<
      "invalid_value" | "invalid_type" | "out_of_range" | "missing_key" | "bad_response"
    >();
    expectTypeOf<ConnectorModelError["field"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<BadResponseError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<BadResponseError["content"]>().toEqualTypeOf<string | Uint8Array>();
    const caught: unknown = null;
    if (isConnectorModelError(caught, "missing_key"))
      expectTypeOf(caught).toEqualTypeOf<ConnectorModelError>();
    // @ts-expect-error not a ModelErrorCode
    isConnectorModelError(caught, "http_error");
    // @ts-expect-error not a ModelErrorCode
    new ConnectorModelError("boom", "message");
  });

  it("keeps the nflex spend errors as plain Errors with optional messages", () => {
    expectTypeOf(new InvalidCredentials()).toExtend<Error>();
    expectTypeOf(new InsufficientPermission(null)).toExtend<Error>();
    expectTypeOf(new NoBillingReport("x")).toExtend<Error>();
    expectTypeOf(new SpendError()).toExtend<Error>();
    // @ts-expect-error the message is a string
    new SpendError(500);
  });
});

describe("schemas", () => {
  it("validateOptions returns the schema's output, usable as constructor options", () => {
    const options = validateOptions(ServerOptionsSchema, {}, "Server");
    expectTypeOf(options.id).toEqualTypeOf<string>();
    expectTypeOf(options.state).toEqualTypeOf<
      | "unknown"
      | "pending"
      | "running"
      | "shutting"
      | "terminated"
      | "stopping"
      | "stopped"
      | null
      | undefined
    >();
    new Server(options);
    new Volume(validateOptions(VolumeOptionsSchema, {}));
    expectTypeOf<OptionsValidationError["field"]>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error the schema comes first
    validateOptions({}, ServerOptionsSchema);
  });
});

describe("time", () => {
  it("converts and parses dates with precise types", () => {
    expectTypeOf(convertDatetime).parameter(0).toEqualTypeOf<DateInput>();
    expectTypeOf(convertDatetime("2024-01-01")).toEqualTypeOf<string | null>();
    expectTypeOf(parseIsoDateTime("2024-01-01T00:00:00Z")).toEqualTypeOf<PreciseDateTime>();
    expectTypeOf(strptime("2024", "%Y")).toEqualTypeOf<PreciseDateTime>();
    expectTypeOf(
      new PreciseDateTime({ year: 2024, month: 1, day: 1 }).epochMicroseconds(),
    ).toEqualTypeOf<bigint>();
    expectTypeOf(systemClock).toEqualTypeOf<Clock>();
    expectTypeOf(fixedClock(new Date())).toEqualTypeOf<Clock>();
    const interval = setupTimeInterval({ resource: { poll_interval: 60 } }, { skew: 5, logger: null });
    expectTypeOf(interval).toEqualTypeOf<TimeInterval>();
    expectTypeOf(interval[0]).toEqualTypeOf<PreciseDateTime>();
    // @ts-expect-error a number is not a DateInput
    convertDatetime(1_700_000_000);
    // @ts-expect-error day is required
    new PreciseDateTime({ year: 2024, month: 1 });
    // @ts-expect-error the format is required
    strptime("2024-01-01");
    // @ts-expect-error skew is a number of seconds
    setupTimeInterval({}, { skew: "5s" });
    // @ts-expect-error a Clock returns a date
    assertType<Clock>(() => "2024-01-01");
  });
});

describe("CMP context", () => {
  it("createCmpContext returns a ConnectorContext with flush()", () => {
    const ctx = createCmpContext({ cmpUrl: "http://127.0.0.1:1", token: "t", moduleId: 5 });
    expectTypeOf(ctx).toEqualTypeOf<CmpContext>();
    expectTypeOf(ctx).toExtend<ConnectorContext>();
    expectTypeOf(ctx.flush()).toEqualTypeOf<Promise<void>>();
    expectTypeOf(ctx.api.post("/x", {})).toEqualTypeOf<Promise<CmpResponse>>();
    expectTypeOf<CmpContextOptions["dispatcher"]>().toEqualTypeOf<Dispatcher | undefined>();
    expectTypeOf(setTaskPercentage(ctx, "task-1", 50)).toEqualTypeOf<Promise<void>>();
    expectTypeOf(ctx).toExtend<TaskContext>();
    new Logger({ context: ctx, customerId: 1, accountId: "a" }).info({ msg: "hi" });
    expectTypeOf<"exception">().toExtend<LogSeverity>();
    // @ts-expect-error cmpUrl is required
    createCmpContext({ token: "t" });
    // @ts-expect-error moduleId is a string or number
    createCmpContext({ cmpUrl: "http://x", moduleId: true });
    // @ts-expect-error percentage is a number
    void setTaskPercentage(ctx, "task-1", "50%");
    // @ts-expect-error a Logger needs its context
    new Logger({ customerId: 1, accountId: "a" });
  });
});

describe("connectorHandler", () => {
  it("keeps the event, context and awaited result types", () => {
    const get = connectorHandler(
      async (event: { account_id: string }, _context: CmpContext) => event.account_id.length,
    );
    expectTypeOf(get).toEqualTypeOf<
      (event: { account_id: string }, context: CmpContext) => Promise<number>
    >();
    // @ts-expect-error the context must be a LogContext
    connectorHandler((_event: unknown, _context: number) => 1);
  });
});

describe("@meterkit/connector-model/testing", () => {
  it("vcrCassetteContext keeps the wrapped function's arguments and result", () => {
    const sync = vcrCassetteContext(async (accountId: string) => {
      return createCmpContext({ cmpUrl: "http://x", moduleId: accountId });
    });
    expectTypeOf(sync).toEqualTypeOf<(accountId: string) => Promise<CmpContext>>();
    assertType<VcrOptions>({ recordMode: "none", file: "c.json", ignoreHosts: ["localhost"] });
    // @ts-expect-error the wrapped function keeps its parameter types
    void sync(42);
    // @ts-expect-error recordMode is one of vcrpy's
    assertType<VcrOptions>({ recordMode: "live" });
  });
});
