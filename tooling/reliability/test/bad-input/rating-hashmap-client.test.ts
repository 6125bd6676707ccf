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

/**
 * A method taking `{ <key>: uuid }` (e.g. `services.get({ serviceId })`): the UUID goes into the path (or the
 * query, for `fields.list` and `.group`). The input object is strict, so an unknown field is refused too.
 */
function byUuid(
  name: string,
  method: string,
  path: string,
  key: string,
  call: (i: In) => unknown,
): Operation {
  return {
    name,
    call,
    valid: { [key]: U },
    fields: { [key]: "strict" },
    route: { method, path },
    refuse: { [key]: notUuids },
  };
}

/**
 * Moves the table's flat `fields` into the operation's `patch` (`update({ mappingId, patch })`), so the
 * generated values land in the patch and anything else (an unknown field) stays on the input object.
 */
function withPatch(input: In, fields: readonly string[]): In {
  const outer: In = {};
  const patch: In = {};
  for (const [k, v] of Object.entries(input)) {
    if (fields.includes(k)) patch[k] = v;
    else outer[k] = v;
  }
  return { ...outer, patch };
}

const rules = (kind: "mappings" | "thresholds"): Operation[] => {
  const key = kind === "mappings" ? "mappingId" : "thresholdId";
  return [
    byUuid(`${kind}.get`, "GET", `${H}/${kind}/${U}`, key, (i) => c[kind].get(i)),
    byUuid(`${kind}.delete`, "DELETE", `${H}/${kind}/${U}`, key, (i) => c[kind].delete(i)),
    byUuid(`${kind}.group`, "GET", `${H}/${kind}/group`, key, (i) => c[kind].group(i)),
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
      call: (i: In) => c[kind].update(withPatch(i, ["cost"])),
      valid: { [key]: U, cost: "1" },
      required: [key],
      fields: { [key]: "strict" },
      route: { method: "GET", path: `${H}/${kind}/${U}` },
      // The changes travel in `patch`, so the error names `patch.cost`.
      aliases: { cost: "patch.cost" },
      refuse: { [key]: notUuids, cost: badDecimals },
    },
  ];
};

const badPriorities = (extra: Sample): Sample[] => [
  { label: "fraction", value: 1.5 },
  { label: "string", value: "3" },
  extra,
];

const OPERATIONS: Operation[] = [
  byUuid("services.get", "GET", `${H}/services/${U}`, "serviceId", (i) => c.services.get(i)),
  byUuid("services.delete", "DELETE", `${H}/services/${U}`, "serviceId", (i) => c.services.delete(i)),
  byUuid("fields.list", "GET", `${H}/fields`, "serviceId", (i) => c.fields.list(i)),
  byUuid("fields.get", "GET", `${H}/fields/${U}`, "fieldId", (i) => c.fields.get(i)),
  byUuid("fields.delete", "DELETE", `${H}/fields/${U}`, "fieldId", (i) => c.fields.delete(i)),
  byUuid("groups.get", "GET", `${H}/groups/${U}`, "groupId", (i) => c.groups.get(i)),
  {
    ...byUuid("groups.delete", "DELETE", `${H}/groups/${U}`, "groupId", (i) => c.groups.delete(i)),
    // `recursive` is a boolean in the JSON body: the server reads any string (even "false") as true.
    refuse: {
      groupId: notUuids,
      recursive: [
        { label: "string false", value: "false" },
        { label: "number", value: 1 },
        { label: "null", value: null },
      ],
    },
  },
  byUuid("groups.mappings", "GET", `${H}/groups/${U}/mappings`, "groupId", (i) => c.groups.mappings(i)),
  byUuid("groups.thresholds", "GET", `${H}/groups/${U}/thresholds`, "groupId", (i) => c.groups.thresholds(i)),
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
    call: (i: In) => c.modules.get(i),
    valid: { moduleId: "pyscripts" },
    fields: { moduleId: "path" },
    route: { method: "GET", path: "/v1/rating/modules/{moduleId}" },
    // core names a refused path parameter by its placeholder, `id`.
    aliases: { moduleId: "id" },
    // Left out, it defaults to `hashmap`.
    required: [],
  },
  {
    name: "modules.update",
    call: (i: In) => c.modules.update(i),
    valid: { moduleId: "hashmap", priority: 3 },
    fields: { moduleId: "path" },
    // Without priority, `enabled` is the change: a missing change is checked below.
    required: ["moduleId"],
    // The write is read back: PUT, then GET.
    route: { method: "PUT", path: "/v1/rating/modules/{moduleId}", requests: 2 },
    aliases: { moduleId: "id" },
    refuse: {
      priority: badPriorities({ label: "NaN", value: Number.NaN }),
      enabled: [
        { label: "string", value: "true" },
        { label: "number", value: 1 },
      ],
    },
  },
  {
    name: "module.setPriority",
    call: (i: In) => c.module.setPriority(i),
    valid: { priority: 3 },
    fields: {},
    // A missing priority is checked below (the error names the change, `enabled`).
    required: [],
    route: { method: "PUT", path: "/v1/rating/modules/hashmap", requests: 2 },
    refuse: { priority: badPriorities({ label: "Infinity", value: Number.POSITIVE_INFINITY }) },
  },
  {
    name: "quote",
    // The table's flat fields are the one resource; anything else (an unknown field) stays on the input.
    call: ({ service, volume, desc, ...rest }: In) =>
      c.quote({ resources: [{ service, volume, ...(desc === undefined ? {} : { desc }) }], ...rest }),
    valid: { service: "instance", volume: "2" },
    fields: { service: "text" },
    route: { method: "POST", path: "/v1/rating/quote" },
    // Errors name the resource's path in the input: `resources.0.volume`.
    fieldPrefix: "resources.0.",
    refuse: {
      volume: badDecimals.filter((s) => s.label !== "13 integer digits"),
      desc: [
        // Keys outside metadata/groupby go to the server unchanged (cloudkittyclient's own sample sends
        // them), and metadata values may be any JSON value; what JSON cannot carry is refused.
        { label: "not an object", value: "flavor=m1" },
        { label: "NaN in metadata", value: { metadata: { a: Number.NaN } } },
      ],
    },
  },
];

describe(`${PKG}: every method`, () => {
  describeOperations(PKG, OPERATIONS, () => server, tally);

  it.each([
    ["modules.update", () => c.modules.update({ moduleId: "hashmap" })],
    ["module.setPriority", () => c.module.setPriority({})],
    [
      "module.setPriority with a smuggled change",
      () => c.module.setPriority({ priority: 3, enabled: false }),
    ],
    ["module.enable with an input", () => c.module.enable({ moduleId: "../x" })],
    ["quote with no resources", () => c.quote({ resources: [] })],
    ["quote without resources", () => c.quote({})],
  ] as const)("%s: no change / nothing to price is refused", async (name, call) => {
    // setPriority takes a priority and nothing else: its own field is named, not updateModule's `enabled`.
    const field = name.startsWith("quote")
      ? "resources"
      : name === "module.setPriority"
        ? "priority"
        : name.includes("smuggled")
          ? "enabled"
          : name.includes("with an input")
            ? "moduleId"
            : "enabled";
    await expectRefused(server, call, { pkg: PKG, field });
    tally.record(PKG, "refused");
  });

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
