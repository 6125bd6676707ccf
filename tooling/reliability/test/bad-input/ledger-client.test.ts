/** Bad input through every public method of `@meterkit/ledger-client` (createAlmanachClient), against a recording server. */
import { type AlmanachClient, createAlmanachClient } from "@meterkit/ledger-client";
import { afterAll, beforeAll, describe, it } from "vitest";
import { expectRefused } from "../../src/bad-input/assertions.js";
import type { Operation } from "../../src/bad-input/operation-table.js";
import { type RecordingServer, startRecordingServer } from "../../src/bad-input/recording-server.js";
import { describeOperations } from "../../src/bad-input/run-table.js";
import { Tally } from "../../src/bad-input/tally.js";

const PKG = "@meterkit/ledger-client";
let server: RecordingServer;
let client: AlmanachClient;
const tally = new Tally();

beforeAll(async () => {
  server = await startRecordingServer();
  client = createAlmanachClient({ baseUrl: server.url, token: "t0ken" });
});
afterAll(async () => {
  console.log(tally.render("bad input: @meterkit/ledger-client"));
  await server.close();
});

type In = Record<string, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: the table feeds deliberately ill-typed inputs.
const c = (): any => client;
const T = "tenant-1";
const D = "2017-01-01T00:00:00Z";

const OPERATIONS: Operation[] = [
  {
    name: "getVolumeType",
    call: (i: In) => c().volumeTypes.get(i),
    valid: { volumeTypeId: "vt-1" },
    fields: { volumeTypeId: "path" },
    route: { method: "GET", path: "/v1/volume_type/{volumeTypeId}" },
    aliases: { volumeTypeId: "id" },
  },
  {
    name: "deleteVolumeType",
    call: (i: In) => c().volumeTypes.delete(i),
    valid: { volumeTypeId: "vt-1" },
    fields: { volumeTypeId: "path" },
    route: { method: "DELETE", path: "/v1/volume_type/{volumeTypeId}" },
    aliases: { volumeTypeId: "id" },
  },
  {
    name: "createVolumeType",
    call: (i: In) => c().volumeTypes.create(i),
    valid: { volumeTypeId: "vt-1", volumeTypeName: "ssd" },
    fields: { volumeTypeId: "id", volumeTypeName: "id" },
    route: { method: "POST", path: "/v1/volume_type" },
  },
  {
    name: "getEntity",
    call: (i: In) => c().entities.get(i),
    valid: { entityId: "e-1" },
    fields: { entityId: "path" },
    route: { method: "GET", path: "/v1/entity/{entityId}" },
    aliases: { entityId: "id" },
  },
  {
    name: "getTenantEntities",
    call: (i: In) => c().entities.list(i),
    valid: { tenantId: T, start: D, end: D },
    required: ["tenantId", "start"],
    fields: { tenantId: "path", start: "date", end: "date" },
    route: { method: "GET", path: "/v1/project/{tenantId}/entities" },
    aliases: { tenantId: "tenant" },
    query: ["start", "end"],
  },
  {
    name: "updateInstanceEntity",
    call: (i: In) => c().entities.updateInstance(i),
    valid: { instanceId: "i-1", name: "vm", flavor: "m1", startDate: D, endDate: D },
    required: ["instanceId"],
    fields: { instanceId: "path", name: "text", flavor: "text", startDate: "date", endDate: "date" },
    route: { method: "PUT", path: "/v1/entity/instance/{instanceId}" },
    aliases: { instanceId: "id" },
  },
  {
    name: "getInstances",
    call: (i: In) => c().instances.list(i),
    valid: { tenantId: T, start: D, end: D },
    fields: { tenantId: "path", start: "date", end: "date" },
    route: { method: "GET", path: "/v1/project/{tenantId}/instances" },
    aliases: { tenantId: "tenant" },
    query: ["start", "end"],
  },
  {
    name: "createInstance",
    call: (i: In) => c().instances.create(i),
    valid: { tenantId: T, instanceId: "i-1", name: "vm", flavor: "m1", start: D },
    fields: { tenantId: "path", instanceId: "id", name: "text", flavor: "text", start: "date" },
    route: { method: "POST", path: "/v1/project/{tenantId}/instance" },
    aliases: { tenantId: "tenant" },
  },
  {
    name: "deleteInstance",
    call: (i: In) => c().instances.delete(i),
    valid: { instanceId: "i-1", end: D },
    required: ["instanceId"],
    fields: { instanceId: "path", end: "date" },
    route: { method: "DELETE", path: "/v1/instance/{instanceId}" },
    aliases: { instanceId: "id" },
  },
  {
    name: "resizeInstance",
    call: (i: In) => c().instances.resize(i),
    valid: { instanceId: "i-1", flavor: "m1", resizeDate: D },
    required: ["instanceId", "flavor"],
    fields: { instanceId: "path", flavor: "id", resizeDate: "date" },
    route: { method: "PUT", path: "/v1/instance/{instanceId}/resize" },
    aliases: { instanceId: "id" },
  },
  {
    name: "getVolumes",
    call: (i: In) => c().volumes.list(i),
    valid: { tenantId: T, start: D, end: D },
    fields: { tenantId: "path", start: "date", end: "date" },
    route: { method: "GET", path: "/v1/project/{tenantId}/volumes" },
    aliases: { tenantId: "tenant" },
    query: ["start", "end"],
  },
  {
    name: "createVolume",
    call: (i: In) => c().volumes.create(i),
    valid: {
      tenantId: T,
      volumeId: "v-1",
      volumeTypeId: "vt-1",
      name: "disk",
      size: 5,
      attachments: ["i-1"],
      start: D,
    },
    required: ["tenantId", "volumeId", "volumeTypeId", "name", "size"],
    fields: {
      tenantId: "path",
      volumeId: "id",
      volumeTypeId: "id",
      name: "text",
      size: "count",
      attachments: "ids",
      start: "date",
    },
    route: { method: "POST", path: "/v1/project/{tenantId}/volume" },
    aliases: { tenantId: "tenant" },
  },
  {
    name: "deleteVolume",
    call: (i: In) => c().volumes.delete(i),
    valid: { volumeId: "v-1", end: D },
    required: ["volumeId"],
    fields: { volumeId: "path", end: "date" },
    route: { method: "DELETE", path: "/v1/volume/{volumeId}" },
    aliases: { volumeId: "id" },
  },
  {
    name: "resizeVolume",
    call: (i: In) => c().volumes.resize(i),
    valid: { volumeId: "v-1", size: 5, resizeDate: D },
    required: ["volumeId", "size"],
    fields: { volumeId: "path", size: "count", resizeDate: "date" },
    route: { method: "PUT", path: "/v1/volume/{volumeId}/resize" },
    aliases: { volumeId: "id" },
  },
  {
    name: "attachVolume",
    call: (i: In) => c().volumes.attach(i),
    valid: { volumeId: "v-1", attachments: ["i-1"], attachmentDate: D },
    required: ["volumeId", "attachments"],
    fields: { volumeId: "path", attachments: "ids", attachmentDate: "date" },
    route: { method: "PUT", path: "/v1/volume/{volumeId}/attach" },
    aliases: { volumeId: "id" },
  },
  {
    name: "detachVolume",
    call: (i: In) => c().volumes.detach(i),
    valid: { volumeId: "v-1", attachments: ["i-1"], attachmentDate: D },
    required: ["volumeId", "attachments"],
    fields: { volumeId: "path", attachments: "ids", attachmentDate: "date" },
    route: { method: "PUT", path: "/v1/volume/{volumeId}/detach" },
    aliases: { volumeId: "id" },
  },
];

describe("@meterkit/ledger-client: every method", () => {
  describeOperations(PKG, OPERATIONS, () => server, tally);

  it("refuses a client without baseUrl or Keystone auth, before anything is sent", async () => {
    await expectRefused(server, () => createAlmanachClient({}), { pkg: PKG, field: "baseUrl" });
    tally.record(PKG, "refused");
  });

  it.each([["ftp://x"], ["not a url"], ["http://"]])("refuses the base URL %s", async (url) => {
    await expectRefused(server, () => createAlmanachClient({ baseUrl: url, token: "t" }), {
      pkg: "@meterkit/core",
      field: "baseUrl",
    });
    tally.record(PKG, "refused");
  });
});
