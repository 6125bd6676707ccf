/**
 * Typed-API tests of `@meterkit/ledger-client`'s public surface, run by vitest's `typecheck` mode.
 * Each `@ts-expect-error` line proves one misuse a user could write is refused by the compiler.
 */
import {
  type BaseUrl,
  type CallOptions,
  type EndpointNotFoundError,
  type HttpError,
  type KeystoneAuth,
  keystoneAuth,
  retry,
  type SdkError,
} from "@meterkit/core";
import { assertType, describe, expectTypeOf, it } from "vitest";
import {
  AlmanachClient,
  type AlmanachClientOptions,
  type AlmanachEndpointNotFoundError,
  AlmanachHttpError,
  type AlmanachInfo,
  AlmanachKeystoneClient,
  type AlmanachKeystoneOptions,
  type ClientError,
  type CliIo,
  type CreateInstanceInput,
  type CreateVolumeInput,
  type DateInput,
  type EndpointInterface,
  type Entity,
  type InstanceEntity,
  isClientError,
  runCli,
  type UpdateInstanceEntityInput,
  type VolumeEntity,
  type VolumeType,
} from "../src/index.js";

declare const client: AlmanachClient;
const period = { tenantId: "t1", start: "2024-01-01", end: new Date() } as const;

describe("AlmanachClient", () => {
  it("is built from a url, a token or a Keystone strategy", () => {
    expectTypeOf(AlmanachClient).constructorParameters.toEqualTypeOf<[AlmanachClientOptions]>();
    new AlmanachClient({ url: "http://127.0.0.1:8000", token: "secret" });
    new AlmanachClient({ url: async () => "http://127.0.0.1:8000" });
    const keystone: KeystoneAuth = keystoneAuth({ authUrl: "http://k/v3", username: "u", password: "p" });
    new AlmanachClient({ keystone, endpoint: { type: "usage", interface: "internal" } });
    new AlmanachClient({ url: "http://x", middleware: [retry()], timeoutMs: 1_000, now: () => new Date() });
    expectTypeOf<AlmanachClientOptions["url"]>().toEqualTypeOf<BaseUrl | undefined>();
    // @ts-expect-error token is a string
    new AlmanachClient({ url: "http://x", token: 42 });
    // @ts-expect-error keystone is core's KeystoneAuth, not its options
    new AlmanachClient({ keystone: { authUrl: "http://k/v3", username: "u", password: "p" } });
    // @ts-expect-error now returns a Date
    new AlmanachClient({ url: "http://x", now: () => Date.now() });
    // @ts-expect-error unknown option
    new AlmanachClient({ url: "http://x", retries: 3 });
  });

  it("returns typed promises", () => {
    expectTypeOf(client.getInfo()).toEqualTypeOf<Promise<AlmanachInfo>>();
    expectTypeOf(client.getVolumeTypes()).toEqualTypeOf<Promise<VolumeType[]>>();
    expectTypeOf(client.getVolumeType("vt")).toEqualTypeOf<Promise<VolumeType>>();
    expectTypeOf(client.getTenantEntities({ tenantId: "t", start: "2024-01-01" })).toEqualTypeOf<
      Promise<Entity[]>
    >();
    expectTypeOf(client.getEntity("e")).toEqualTypeOf<Promise<Entity[]>>();
    expectTypeOf(client.getInstances(period)).toEqualTypeOf<Promise<InstanceEntity[]>>();
    expectTypeOf(client.getVolumes(period)).toEqualTypeOf<Promise<VolumeEntity[]>>();
    expectTypeOf(client.updateInstanceEntity({ instanceId: "i" })).toEqualTypeOf<Promise<InstanceEntity>>();
    expectTypeOf(
      client.createInstance({ tenantId: "t", instanceId: "i", name: "n", flavor: "f", start: new Date() }),
    ).toEqualTypeOf<Promise<true>>();
    expectTypeOf(client.deleteInstance({ instanceId: "i" })).toEqualTypeOf<Promise<true>>();
    expectTypeOf(client.resizeInstance({ instanceId: "i", flavor: "big" })).toEqualTypeOf<Promise<true>>();
    expectTypeOf(client.resizeVolume({ volumeId: "v", size: 20 })).toEqualTypeOf<Promise<true>>();
    expectTypeOf(client.attachVolume({ volumeId: "v", attachments: ["i"] })).toEqualTypeOf<Promise<true>>();
    expectTypeOf(client.createVolumeType({ volumeTypeId: "a", volumeTypeName: "b" })).toEqualTypeOf<
      Promise<true>
    >();
  });

  it("takes CallOptions as the last parameter of every method", () => {
    type Methods = {
      [K in keyof AlmanachClient]: AlmanachClient[K] extends (...args: never[]) => unknown ? K : never;
    }[keyof AlmanachClient];
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
    type Lasts = { [K in Methods]: LastParameter<AlmanachClient[K]> };
    type Optional = { [K in Methods]: LastIsOptional<AlmanachClient[K]> };
    expectTypeOf<Lasts[Methods]>().toEqualTypeOf<CallOptions>();
    expectTypeOf<Optional[Methods]>().toEqualTypeOf<true>();
    expectTypeOf<Lasts["getInfo"]>().toEqualTypeOf<CallOptions>();
    void client.getVolumes(period, { signal: AbortSignal.timeout(1_000), timeoutMs: 500 });
    // @ts-expect-error the call options are the last parameter, not part of the input
    void client.getVolumes({ ...period, signal: AbortSignal.timeout(1_000) });
  });

  it("discriminates entities by entityType", () => {
    const entity = {} as Entity;
    if (entity.entityType === "instance") expectTypeOf(entity).toEqualTypeOf<InstanceEntity>();
    else expectTypeOf(entity).toEqualTypeOf<VolumeEntity>();
    expectTypeOf<Entity["entityType"]>().toEqualTypeOf<"instance" | "volume">();
    expectTypeOf<Entity["start"]>().toEqualTypeOf<Date>();
    expectTypeOf<Entity["end"]>().toEqualTypeOf<Date | null>();
    expectTypeOf<VolumeEntity["attachedTo"]>().toEqualTypeOf<string[]>();
    expectTypeOf<AlmanachInfo["database"]["activeEntities"]>().toEqualTypeOf<number>();
    // @ts-expect-error flavor exists on instances only
    void entity.flavor;
  });

  it("refuses bad inputs at compile time", () => {
    expectTypeOf<DateInput>().toEqualTypeOf<Date | string>();
    // @ts-expect-error tenantId is required
    void client.getInstances({ start: "2024-01-01", end: "2024-02-01" });
    // @ts-expect-error a date is a Date or an ISO string, not epoch milliseconds
    void client.getVolumes({ tenantId: "t", start: 1_704_067_200_000, end: "2024-02-01" });
    // @ts-expect-error size is a number of GB
    void client.resizeVolume({ volumeId: "v", size: "20" });
    // @ts-expect-error attachments are instance ids
    void client.attachVolume({ volumeId: "v", attachments: "i" });
    // @ts-expect-error the volume type id is required
    assertType<CreateVolumeInput>({ tenantId: "t", volumeId: "v", name: "n", size: 1 });
    const instance = { tenantId: "t", instanceId: "i", name: "n", flavor: "f", start: "2024-01-01" };
    // @ts-expect-error image metadata takes distro, version and type
    assertType<CreateInstanceInput>({ ...instance, imageMeta: { os: "x" } });
    // @ts-expect-error os needs all three fields
    assertType<UpdateInstanceEntityInput>({ instanceId: "i", os: { distro: "ubuntu" } });
    // @ts-expect-error getEntity takes the id
    void client.getEntity({ entityId: "e" });
  });
});

describe("errors", () => {
  it("extend core's errors, so isSdkError and instanceof work", () => {
    expectTypeOf<AlmanachHttpError>().toExtend<HttpError>();
    expectTypeOf<AlmanachHttpError>().toExtend<SdkError>();
    expectTypeOf<AlmanachEndpointNotFoundError>().toExtend<EndpointNotFoundError>();
    expectTypeOf<AlmanachEndpointNotFoundError>().toExtend<SdkError>();
    expectTypeOf<ClientError>().toEqualTypeOf<AlmanachHttpError | AlmanachEndpointNotFoundError>();
    expectTypeOf<AlmanachHttpError["status"]>().toEqualTypeOf<number>();
    expectTypeOf<AlmanachHttpError["summary"]>().toEqualTypeOf<string>();
    expectTypeOf<AlmanachHttpError["serverMessage"]>().toEqualTypeOf<string>();
    const caught: unknown = null;
    if (isClientError(caught)) expectTypeOf(caught).toEqualTypeOf<ClientError>();
    // @ts-expect-error an AlmanachHttpError needs the response status
    new AlmanachHttpError({ method: "GET", url: "http://x", body: null, headers: {} });
  });
});

describe("AlmanachKeystoneClient", () => {
  it("gives a token, an endpoint URL and a base URL resolver", () => {
    const ks = new AlmanachKeystoneClient({
      authUrl: "http://k/v3",
      username: "u",
      password: "p",
      service: "almanach-id",
      regionName: "RegionOne",
    });
    expectTypeOf(ks.auth).toEqualTypeOf<KeystoneAuth>();
    expectTypeOf(ks.getToken()).toEqualTypeOf<Promise<string>>();
    expectTypeOf(ks.getEndpointUrl("public")).toEqualTypeOf<Promise<string>>();
    expectTypeOf(ks.endpoint()).toEqualTypeOf<BaseUrl>();
    expectTypeOf<EndpointInterface>().toEqualTypeOf<"public" | "internal" | "admin">();
    new AlmanachClient({ url: ks.endpoint("internal"), keystone: ks.auth });
    // @ts-expect-error service is required
    assertType<AlmanachKeystoneOptions>({ authUrl: "http://k/v3", username: "u", password: "p" });
    // @ts-expect-error not an endpoint interface
    void ks.getEndpointUrl("private");
  });
});

describe("runCli", () => {
  it("takes argv and an IO object and resolves to an exit code", () => {
    const io: CliIo = { env: {}, stdout: () => {}, stderr: () => {} };
    expectTypeOf(runCli(["info"], io)).toEqualTypeOf<Promise<number>>();
    // @ts-expect-error argv is a list of strings
    void runCli("info", io);
    // @ts-expect-error stdout is a function
    assertType<CliIo>({ env: {}, stdout: process.stdout, stderr: () => {} });
  });
});
