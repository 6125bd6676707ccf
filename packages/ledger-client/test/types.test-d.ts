/**
 * Typed-API tests of `@meterkit/ledger-client`'s public surface, run by vitest's `typecheck` mode.
 * Each `@ts-expect-error` line proves one misuse a user could write is refused by the compiler.
 */
import {
  type BaseUrl,
  type CallOptions,
  type ClientOptions,
  createHttpClient,
  type EndpointNotFoundError,
  type HttpClient,
  type HttpError,
  type KeystoneAuth,
  keystoneAuth,
  retry,
  type SdkError,
} from "@meterkit/core";
import type { CliIo, CliProgram } from "@meterkit/core/cli";
import { assertType, describe, expectTypeOf, it } from "vitest";
import { program, run } from "../src/cli/index.js";
import * as entry from "../src/index.js";
import {
  type AlmanachClient,
  type AlmanachClientOptions,
  type AlmanachContext,
  type AlmanachEndpointNotFoundError,
  AlmanachHttpError,
  type AlmanachInfo,
  AlmanachKeystoneClient,
  type AlmanachKeystoneOptions,
  type ClientError,
  type CreateInstanceInput,
  type CreateVolumeInput,
  createAlmanachClient,
  createAlmanachContext,
  type DateInput,
  type EndpointInterface,
  type Entity,
  getEntity,
  type InstanceEntity,
  isClientError,
  listVolumes,
  type UpdateInstanceEntityInput,
  type VolumeEntity,
  type VolumeType,
} from "../src/index.js";

declare const client: AlmanachClient;
const period = { tenantId: "t1", start: "2024-01-01", end: new Date() } as const;

describe("createAlmanachClient", () => {
  it("is built from a baseUrl, a token or an auth strategy, with core's option names", () => {
    expectTypeOf(createAlmanachClient).parameter(0).toEqualTypeOf<AlmanachClientOptions | HttpClient>();
    createAlmanachClient({ baseUrl: "http://127.0.0.1:8000", token: "secret" });
    createAlmanachClient({ baseUrl: async () => "http://127.0.0.1:8000" });
    const keystone: KeystoneAuth = keystoneAuth({ authUrl: "http://k/v3", username: "u", password: "p" });
    createAlmanachClient({ auth: keystone, endpoint: { type: "usage", interface: "internal" } });
    createAlmanachClient({
      baseUrl: "http://x",
      middleware: [retry()],
      timeoutMs: 1_000,
      now: () => new Date(),
    });
    createAlmanachClient({ baseUrl: "http://x", retry: { maxAttempts: 3 }, headers: { "x-a": "b" } });
    createAlmanachClient(createHttpClient({ baseUrl: "http://x" }));
    expectTypeOf<AlmanachClientOptions["baseUrl"]>().toEqualTypeOf<BaseUrl | undefined>();
    expectTypeOf<AlmanachClientOptions>().toExtend<ClientOptions>();
    // @ts-expect-error token is a string
    createAlmanachClient({ baseUrl: "http://x", token: 42 });
    // @ts-expect-error auth is a strategy, not Keystone options
    createAlmanachClient({ auth: { authUrl: "http://k/v3", username: "u", password: "p" } });
    // @ts-expect-error now returns a Date
    createAlmanachClient({ baseUrl: "http://x", now: () => Date.now() });
    // @ts-expect-error the old name of baseUrl is gone
    createAlmanachClient({ url: "http://x" });
    // @ts-expect-error the old name of auth is gone
    createAlmanachClient({ keystone });
  });

  it("has the context and the operations by resource", () => {
    expectTypeOf(client).toExtend<AlmanachContext>();
    expectTypeOf(client.http).toEqualTypeOf<HttpClient>();
    expectTypeOf(createAlmanachContext({ baseUrl: "http://x" })).toEqualTypeOf<AlmanachContext>();
    expectTypeOf(getEntity(createAlmanachContext({ baseUrl: "http://x" }), { entityId: "e" })).toEqualTypeOf<
      Promise<Entity[]>
    >();
    expectTypeOf(listVolumes).parameter(0).toEqualTypeOf<AlmanachContext>();
    // @ts-expect-error the flat methods are gone
    void client.getInfo;
  });

  it("returns typed promises", () => {
    expectTypeOf(client.info.get()).toEqualTypeOf<Promise<AlmanachInfo>>();
    expectTypeOf(client.volumeTypes.list()).toEqualTypeOf<Promise<VolumeType[]>>();
    expectTypeOf(client.volumeTypes.get({ volumeTypeId: "vt" })).toEqualTypeOf<Promise<VolumeType>>();
    expectTypeOf(client.volumeTypes.delete({ volumeTypeId: "vt" })).toEqualTypeOf<Promise<true>>();
    expectTypeOf(client.entities.list({ tenantId: "t", start: "2024-01-01" })).toEqualTypeOf<
      Promise<Entity[]>
    >();
    expectTypeOf(client.entities.get({ entityId: "e" })).toEqualTypeOf<Promise<Entity[]>>();
    expectTypeOf(client.instances.list(period)).toEqualTypeOf<Promise<InstanceEntity[]>>();
    expectTypeOf(client.volumes.list(period)).toEqualTypeOf<Promise<VolumeEntity[]>>();
    expectTypeOf(client.entities.updateInstance({ instanceId: "i" })).toEqualTypeOf<
      Promise<InstanceEntity>
    >();
    expectTypeOf(
      client.instances.create({ tenantId: "t", instanceId: "i", name: "n", flavor: "f", start: new Date() }),
    ).toEqualTypeOf<Promise<true>>();
    expectTypeOf(client.instances.delete({ instanceId: "i" })).toEqualTypeOf<Promise<true>>();
    expectTypeOf(client.instances.resize({ instanceId: "i", flavor: "big" })).toEqualTypeOf<Promise<true>>();
    expectTypeOf(client.volumes.resize({ volumeId: "v", size: 20 })).toEqualTypeOf<Promise<true>>();
    expectTypeOf(client.volumes.attach({ volumeId: "v", attachments: ["i"] })).toEqualTypeOf<Promise<true>>();
    expectTypeOf(client.volumes.detach({ volumeId: "v", attachments: [] })).toEqualTypeOf<Promise<true>>();
    expectTypeOf(client.volumeTypes.create({ volumeTypeId: "a", volumeTypeName: "b" })).toEqualTypeOf<
      Promise<true>
    >();
  });

  it("takes one input object, then CallOptions, in every operation", () => {
    type Namespaces = Omit<AlmanachClient, keyof AlmanachContext>;
    type Ops = { [R in keyof Namespaces]: Namespaces[R][keyof Namespaces[R]] }[keyof Namespaces];
    type Params<F> = F extends (...args: infer A) => unknown ? Required<A> : never;
    expectTypeOf<Params<Ops>["length"]>().toEqualTypeOf<2>();
    expectTypeOf<Params<Ops>[1]>().toEqualTypeOf<CallOptions>();
    expectTypeOf<Params<Ops>[0]>().toExtend<object>();
    void client.volumes.list(period, { signal: AbortSignal.timeout(1_000), timeoutMs: 500 });
    void client.info.get({}, { signal: AbortSignal.timeout(1_000) });
    // @ts-expect-error the call options are the last parameter, not part of the input
    void client.volumes.list({ ...period, signal: AbortSignal.timeout(1_000) });
    // @ts-expect-error info.get takes no input fields
    void client.info.get({ signal: AbortSignal.timeout(1_000) });
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
    void client.instances.list({ start: "2024-01-01", end: "2024-02-01" });
    // @ts-expect-error a date is a Date or an ISO string, not epoch milliseconds
    void client.volumes.list({ tenantId: "t", start: 1_704_067_200_000, end: "2024-02-01" });
    // @ts-expect-error size is a number of GB
    void client.volumes.resize({ volumeId: "v", size: "20" });
    // @ts-expect-error attachments are instance ids
    void client.volumes.attach({ volumeId: "v", attachments: "i" });
    // @ts-expect-error the volume type id is required
    assertType<CreateVolumeInput>({ tenantId: "t", volumeId: "v", name: "n", size: 1 });
    const instance = { tenantId: "t", instanceId: "i", name: "n", flavor: "f", start: "2024-01-01" };
    // @ts-expect-error image metadata takes distro, version and type
    assertType<CreateInstanceInput>({ ...instance, imageMeta: { os: "x" } });
    // @ts-expect-error os needs all three fields
    assertType<UpdateInstanceEntityInput>({ instanceId: "i", os: { distro: "ubuntu" } });
    // @ts-expect-error entities.get takes { entityId }, not the bare id
    void client.entities.get("e");
    // @ts-expect-error volumeTypes.delete takes { volumeTypeId }, not the bare id
    void client.volumeTypes.delete("vt");
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
  it("gives the auth and the baseUrl resolver of createAlmanachClient, a token and an endpoint URL", () => {
    const ks = new AlmanachKeystoneClient({
      authUrl: "http://k/v3",
      username: "u",
      password: "p",
      service: "almanach-id",
      regionName: "RegionOne",
    });
    expectTypeOf(ks.auth).toEqualTypeOf<KeystoneAuth>();
    expectTypeOf(ks.getToken()).toEqualTypeOf<Promise<string>>();
    expectTypeOf(ks.getEndpointUrl({ interface: "public" })).toEqualTypeOf<Promise<string>>();
    expectTypeOf(ks.getEndpointUrl()).toEqualTypeOf<Promise<string>>();
    expectTypeOf(ks.endpoint()).toEqualTypeOf<BaseUrl>();
    expectTypeOf<EndpointInterface>().toEqualTypeOf<"public" | "internal" | "admin">();
    createAlmanachClient({ baseUrl: ks.endpoint({ interface: "internal" }), auth: ks.auth });
    // @ts-expect-error service is required
    assertType<AlmanachKeystoneOptions>({ authUrl: "http://k/v3", username: "u", password: "p" });
    // @ts-expect-error not an endpoint interface
    void ks.getEndpointUrl({ interface: "private" });
    // @ts-expect-error the interface is a field of the input
    void ks.getEndpointUrl("public");
  });
});

describe("the almanach CLI (./cli)", () => {
  it("is a program of core's kit, run with argv and an IO object to an exit code", () => {
    const io: CliIo = { env: {}, stdout: () => {}, stderr: () => {} };
    expectTypeOf(program).toExtend<Pick<CliProgram, "name" | "version" | "summary" | "globals">>();
    expectTypeOf(run).parameters.toEqualTypeOf<[readonly string[], CliIo]>();
    expectTypeOf(run(["version"], io)).toEqualTypeOf<Promise<number>>();
    // @ts-expect-error argv is a list of strings
    void run("version", io);
    // @ts-expect-error stdout is a function
    assertType<CliIo>({ env: {}, stdout: process.stdout, stderr: () => {} });
  });

  it("is not part of the main entry", () => {
    // @ts-expect-error the CLI lives in @meterkit/ledger-client/cli
    void entry.runCli;
    // @ts-expect-error the class is gone: createAlmanachClient()
    void entry.AlmanachClient;
  });
});
