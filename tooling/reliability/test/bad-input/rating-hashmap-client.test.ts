/** Bad input through every public method of `@meterkit/rating-hashmap-client`, against a recording server. */
import { createHashMapClient } from "@meterkit/rating-hashmap-client";
import { afterAll, beforeAll, describe, it } from "vitest";
import { expectRefused } from "../../src/bad-input/assertions.js";
import type { Operation } from "../../src/bad-input/operation-table.js";
import { type RecordingServer, startRecordingServer } from "../../src/bad-input/recording-server.js";
import { describeOperations } from "../../src/bad-input/run-table.js";
import { Tally } from "../../src/bad-input/tally.js";
import type { Sample } from "../../src/bad-input/values.js";

const PKG = "@meterkit/rating-hashmap-client";
let server: RecordingServer;
// biome-ignore lint/suspicious/noExplicitAny: the tables feed deliberately ill-typed inputs.
let c: any;
const tally = new Tally();

beforeAll(async () => {
  server = await startRecordingServer();
  c = createHashMapClient({ baseUrl: server.url });
});
afterAll(async () => {
  console.log(tally.render(`bad input: ${PKG}`));
  await server.close();
});

type In = Record<string, unknown>;
const H = "/v1/rating/module_config/hashmap";
const U = "6f7c1d5e-0000-4000-8000-000000000001";
const notUuids: Sample[] = [
  { label: "32 hex without dashes", value: "6f7c1d5e000040008000000000000001" },
  { label: "uuid + path", value: `${U}/../x` },
  { label: "uuid + query", value: `${U}?all=1` },
];
const badDecimals: Sample[] = [
  { label: "words", value: "ten" },
  { label: "NaN", value: Number.NaN },
  { label: "Infinity", value: Number.POSITIVE_INFINITY },
  { label: "13 integer digits", value: "1234567890123" },
  { label: "injection", value: "1; DROP TABLE" },
  { label: "null", value: null },
];

/** A method taking one UUID that goes into the path (or the query, for `fields.list` and `.group`). */
function byUuid(
  name: string,
  method: string,
  path: string,
  call: (id: unknown) => unknown,
  field: string,
): Operation {
  return {
    name,
    call: (i: In) => call(i.id),
    valid: { id: U },
    fields: { id: "strict" },
    route: { method, path },
    refuse: { id: notUuids },
    aliases: { id: field },
    objectInput: false,
  };
}

const rules = (kind: "mappings" | "thresholds"): Operation[] => {
  const idName = kind === "mappings" ? "mapping_id" : "threshold_id";
  return [
    byUuid(`${kind}.get`, "GET", `${H}/${kind}/${U}`, (id) => c[kind].get(id), idName),
    byUuid(`${kind}.delete`, "DELETE", `${H}/${kind}/${U}`, (id) => c[kind].delete(id), idName),
    byUuid(`${kind}.group`, "GET", `${H}/${kind}/group`, (id) => c[kind].group(id), idName),
    {
      name: `${kind}.list`,
      call: (i: In) => c[kind].list(i),
      valid: { service_id: U, tenant_id: "t-1" },
      required: ["service_id"],
      fields: { service_id: "strict", tenant_id: "filter" },
      query: ["tenant_id"],
      nullable: ["tenant_id"],
      route: { method: "GET", path: `${H}/${kind}` },
      refuse: { no_group: [{ label: "string", value: "yes" }] },
    },
    {
      name: `${kind}.create`,
      call: (i: In) => c[kind].create(i),
      valid:
        kind === "mappings"
          ? { service_id: U, cost: "0.5", type: "flat" }
          : { service_id: U, cost: "0.5", level: "10" },
      fields: { service_id: "strict", type: "strict" },
      required: kind === "mappings" ? ["service_id", "cost"] : ["service_id", "cost", "level"],
      route: { method: "POST", path: `${H}/${kind}` },
      refuse: {
        cost: badDecimals,
        ...(kind === "thresholds" ? { level: badDecimals } : {}),
        group_id: notUuids,
        field_id: [{ label: "both parents", value: U }],
      },
      strictKeys: false,
    },
    {
      // An update reads the rule first (to merge): the recording server's `{}` stops it there, so the
      // check is on that first request; hostile text in update bodies is covered by the creates.
      name: `${kind}.update`,
      call: (i: In) => c[kind].update(i.id, { cost: i.cost }),
      valid: { id: U, cost: "1" },
      required: ["id"],
      fields: { id: "strict" },
      route: { method: "GET", path: `${H}/${kind}/${U}` },
      aliases: { id: idName },
      refuse: { cost: badDecimals },
      objectInput: false,
    },
  ];
};

const OPERATIONS: Operation[] = [
  byUuid("services.get", "GET", `${H}/services/${U}`, (id) => c.services.get(id), "serviceId"),
  byUuid("services.delete", "DELETE", `${H}/services/${U}`, (id) => c.services.delete(id), "serviceId"),
  byUuid("fields.list", "GET", `${H}/fields`, (id) => c.fields.list(id), "serviceId"),
  byUuid("fields.get", "GET", `${H}/fields/${U}`, (id) => c.fields.get(id), "fieldId"),
  byUuid("fields.delete", "DELETE", `${H}/fields/${U}`, (id) => c.fields.delete(id), "fieldId"),
  byUuid("groups.get", "GET", `${H}/groups/${U}`, (id) => c.groups.get(id), "groupId"),
  byUuid("groups.delete", "DELETE", `${H}/groups/${U}`, (id) => c.groups.delete(id), "groupId"),
  byUuid("groups.mappings", "GET", `${H}/groups/${U}/mappings`, (id) => c.groups.mappings(id), "groupId"),
  byUuid(
    "groups.thresholds",
    "GET",
    `${H}/groups/${U}/thresholds`,
    (id) => c.groups.thresholds(id),
    "groupId",
  ),
  ...(["services", "groups"] as const).map(
    (kind): Operation => ({
      name: `${kind}.create`,
      call: (i: In) => c[kind].create(i),
      valid: { name: "instance" },
      fields: { name: "text" },
      route: { method: "POST", path: `${H}/${kind}` },
    }),
  ),
  {
    name: "fields.create",
    call: (i: In) => c.fields.create(i),
    valid: { service_id: U, name: "flavor_id" },
    fields: { service_id: "strict", name: "text" },
    route: { method: "POST", path: `${H}/fields` },
  },
  ...rules("mappings"),
  ...rules("thresholds"),
  {
    name: "modules.get",
    call: (i: In) => c.modules.get(i.moduleId),
    valid: { moduleId: "pyscripts" },
    fields: { moduleId: "path" },
    route: { method: "GET", path: "/v1/rating/modules/{moduleId}" },
    aliases: { moduleId: "id" },
    objectInput: false,
    required: [],
  },
  {
    name: "modules.update",
    call: (i: In) => c.modules.update(i.moduleId, { priority: i.priority }),
    valid: { moduleId: "hashmap", priority: 3 },
    fields: { moduleId: "path" },
    // The write is read back: PUT, then GET.
    route: { method: "PUT", path: "/v1/rating/modules/{moduleId}", requests: 2 },
    aliases: { moduleId: "id", priority: "change" },
    refuse: {
      priority: [
        { label: "fraction", value: 1.5 },
        { label: "string", value: "3" },
        { label: "NaN", value: Number.NaN },
      ],
    },
    objectInput: false,
  },
  {
    name: "module.setPriority",
    call: (i: In) => c.module.setPriority(i.priority),
    valid: { priority: 3 },
    fields: {},
    route: { method: "PUT", path: "/v1/rating/modules/hashmap", requests: 2 },
    aliases: { priority: "change" },
    refuse: {
      priority: [
        { label: "fraction", value: 1.5 },
        { label: "string", value: "3" },
        { label: "Infinity", value: Number.POSITIVE_INFINITY },
      ],
    },
    objectInput: false,
  },
  {
    name: "quote",
    call: (i: In) =>
      c.quote([{ service: i.service, volume: i.volume, ...(i.desc === undefined ? {} : { desc: i.desc }) }]),
    valid: { service: "instance", volume: "2" },
    fields: { service: "text" },
    route: { method: "POST", path: "/v1/rating/quote" },
    refuse: {
      volume: badDecimals.filter((s) => s.label !== "13 integer digits"),
      desc: [
        { label: "key outside metadata", value: { flavor: "m1" } },
        { label: "nested object", value: { metadata: { a: {} } } },
      ],
    },
    objectInput: false,
  },
];

describe(`${PKG}: every method`, () => {
  describeOperations(PKG, OPERATIONS, () => server, tally);

  it.each([
    ["baseUrl", {}],
    ["baseUrl", { baseUrl: "ftp://x" }],
    ["timeoutMs", { baseUrl: "http://127.0.0.1:9", timeoutMs: -5 }],
  ])("createHashMapClient refuses bad %s", async (field, options) => {
    await expectRefused(server, () => createHashMapClient(options as never), {
      pkg:
        field === "baseUrl" && "baseUrl" in options
          ? "@meterkit/core"
          : field === "timeoutMs"
            ? "@meterkit/core"
            : PKG,
      field,
    });
    tally.record(PKG, "refused");
  });
});
