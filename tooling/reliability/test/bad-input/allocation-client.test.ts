/** Bad input through every public method of `@meterkit/allocation-client` (the Waldur client), against a recording server. */
import { createWaldurClient } from "@meterkit/allocation-client";
import { afterAll, beforeAll, describe, it } from "vitest";
import { expectRefused } from "../../src/bad-input/assertions.js";
import type { Operation } from "../../src/bad-input/operation-table.js";
import { type RecordingServer, startRecordingServer } from "../../src/bad-input/recording-server.js";
import { describeOperations } from "../../src/bad-input/run-table.js";
import { Tally } from "../../src/bad-input/tally.js";
import type { Sample } from "../../src/bad-input/values.js";

const PKG = "@meterkit/allocation-client";
let server: RecordingServer;
// biome-ignore lint/suspicious/noExplicitAny: the tables feed deliberately ill-typed inputs.
let c: any;
const tally = new Tally();

beforeAll(async () => {
  server = await startRecordingServer();
  c = createWaldurClient({ baseUrl: `${server.url}/api/`, token: "t0ken", conflictRetry: { attempts: 1 } });
});
afterAll(async () => {
  console.log(tally.render(`bad input: ${PKG}`));
  await server.close();
});

type In = Record<string, unknown>;
const U = "0123456789abcdef0123456789abcdef";
const notUuids: Sample[] = [
  { label: "short hex", value: "0123" },
  { label: "uuid with path", value: `${U}/../x` },
  { label: "uuid + query", value: `${U}?x=1` },
  { label: "non-hex", value: "g".repeat(32) },
];
const pageSizes: Sample[] = [
  { label: "0", value: 0 },
  { label: "301 (over DRF max)", value: 301 },
  { label: "1e9", value: 1e9 },
];
const amounts: Sample[] = [
  { label: "3 decimals", value: "1.234" },
  { label: "words", value: "ten" },
  { label: "NaN", value: Number.NaN },
  { label: "Infinity", value: Number.POSITIVE_INFINITY },
  { label: "exponent", value: "1e3" },
  { label: "injection", value: "1; DROP TABLE" },
  { label: "null", value: null },
];

const list = (name: string, fn: (f: In, o: In) => unknown, path: string): Operation[] => [
  {
    name: `${name} filters`,
    call: (i: In) => fn(i, {}),
    valid: { username: "alice" },
    fields: { username: "filter" },
    required: [],
    route: { method: "GET", path },
    query: ["username"],
    strictKeys: false,
    refuse: { "": [{ label: "empty filter name", value: "x" }] },
  },
  {
    name: `${name} options`,
    call: (i: In) => fn({}, i),
    valid: { pageSize: 10, limit: 5 },
    required: [],
    fields: { pageSize: "count", limit: "count" },
    route: { method: "GET", path },
    refuse: { pageSize: pageSizes },
    strictKeys: false,
  },
];

const OPERATIONS: Operation[] = [
  ...list("users.list", (f, o) => c.users.list(f, o), "/api/users/"),
  ...list("sshKeys.list", (f, o) => c.sshKeys.list(f, o), "/api/keys/"),
  {
    name: "resources.list",
    call: (i: In) => c.resources.list(i),
    valid: { providerUuid: U, offeringUuid: U, state: "OK", fields: "name" },
    required: [],
    fields: { providerUuid: "strict", offeringUuid: "strict", state: "strict", fields: "filter" },
    query: ["fields"],
    // Sent as the repeated wire key `field`; core names that key when it refuses a value.
    aliases: { fields: "field" },
    route: { method: "GET", path: "/api/marketplace-resources/" },
    refuse: {
      providerUuid: notUuids,
      state: [
        { label: "wrong case", value: "ok" },
        { label: "empty list", value: [] },
      ],
    },
  },
  {
    name: "resources.listAsProvider",
    call: (i: In) => c.resources.listAsProvider(i),
    valid: { providerUuid: U },
    required: [],
    fields: { providerUuid: "strict" },
    route: { method: "GET", path: "/api/marketplace-provider-resources/" },
  },
  {
    name: "resources.setBackendId",
    call: (i: In) => c.resources.setBackendId(i),
    valid: { resourceUuid: U, backendId: "slurm-1" },
    fields: { resourceUuid: "strict", backendId: "text" },
    // The one input object is checked under the root `input`: errors name `input.resourceUuid`.
    fieldPrefix: "input.",
    route: { method: "POST", path: `/api/marketplace-provider-resources/${U}/set_backend_id/` },
    refuse: { resourceUuid: notUuids },
  },
  {
    name: "resources.submitReport",
    // header and body are the report's one section; every other key (an unknown one too) stays top-level.
    call: ({ header, body, ...rest }: In) =>
      c.resources.submitReport({ ...rest, report: [{ header, body }] }),
    valid: { resourceUuid: U, header: "Access", body: "ssh login.example" },
    fields: { resourceUuid: "strict", header: "text", body: "text" },
    fieldPrefix: "input.",
    // The section's keys are named by their path in the report.
    aliases: { header: "input.report.0.header", body: "input.report.0.body" },
    route: { method: "POST", path: `/api/marketplace-provider-resources/${U}/submit_report/` },
  },
  {
    name: "resources.submitReport report",
    call: (i: In) => c.resources.submitReport(i),
    valid: { resourceUuid: U, report: [{ header: "Access", body: "ssh login.example" }] },
    fields: { resourceUuid: "strict" },
    fieldPrefix: "input.",
    route: { method: "POST", path: `/api/marketplace-provider-resources/${U}/submit_report/` },
    refuse: {
      report: [
        { label: "no section", value: [] },
        { label: "not a list", value: "Access: ssh login.example" },
        { label: "one section, not a list", value: { header: "Access", body: "ssh" } },
        { label: "section without body", value: [{ header: "Access" }] },
        { label: "null", value: null },
      ],
    },
  },
  {
    name: "resources.getTeam",
    call: (i: In) => c.resources.getTeam(i),
    valid: { resourceUuid: U },
    fields: { resourceUuid: "strict" },
    fieldPrefix: "input.",
    route: { method: "GET", path: `/api/marketplace-provider-resources/${U}/team/` },
    refuse: { resourceUuid: notUuids, view: [{ label: "unknown view", value: "admin" }] },
  },
  {
    name: "resources.getPlanPeriods",
    call: (i: In) => c.resources.getPlanPeriods(i),
    valid: { resourceUuid: U },
    fields: { resourceUuid: "strict" },
    fieldPrefix: "input.",
    route: { method: "GET", path: `/api/marketplace-provider-resources/${U}/plan_periods/` },
    refuse: { view: [{ label: "unknown view", value: "admin" }] },
  },
  {
    name: "orders.list",
    call: (i: In) => c.orders.list(i),
    valid: { state: "pending-provider", type: "Create", offering_uuid: U },
    required: [],
    fields: { state: "strict", type: "strict", offering_uuid: "strict" },
    route: { method: "GET", path: "/api/marketplace-orders/" },
    strictKeys: false,
  },
  {
    name: "orders.approve",
    call: (i: In) => c.orders.approve(i),
    valid: { orderUuid: U },
    fields: { orderUuid: "strict" },
    fieldPrefix: "input.",
    route: { method: "POST", path: `/api/marketplace-orders/${U}/approve_by_provider/` },
    refuse: {
      attributes: [
        { label: "not a record", value: "x" },
        { label: "array", value: [1] },
      ],
    },
  },
  {
    name: "orders.reject",
    call: (i: In) => c.orders.reject(i),
    valid: { orderUuid: U, comment: "no capacity" },
    required: ["orderUuid"],
    fields: { orderUuid: "strict", comment: "text" },
    fieldPrefix: "input.",
    route: { method: "POST", path: `/api/marketplace-orders/${U}/reject_by_provider/` },
  },
  {
    name: "offerings.get",
    call: (i: In) => c.offerings.get(i),
    valid: { offeringUuid: U },
    fields: { offeringUuid: "strict" },
    fieldPrefix: "input.",
    route: { method: "GET", path: `/api/marketplace-provider-offerings/${U}/` },
    refuse: { offeringUuid: notUuids },
  },
  {
    name: "componentUsages.create",
    call: (i: In) =>
      c.componentUsages.create({
        resourceUuid: i.resourceUuid,
        usages: [{ type: i.type, amount: i.amount, description: i.description }],
        ...(i.date === undefined ? {} : { date: i.date }),
      }),
    valid: {
      resourceUuid: U,
      type: "cpu_k_hours",
      amount: "1.25",
      description: "March",
      date: "2024-03-01T00:00:00Z",
    },
    required: ["resourceUuid", "type", "amount"],
    fields: { resourceUuid: "strict", type: "text", description: "text", date: "date" },
    route: { method: "POST", path: "/api/marketplace-component-usages/set_usage/" },
    // Without a resource the error names the pair: "give exactly one of planPeriodUuid and resourceUuid".
    aliases: { resourceUuid: "planPeriodUuid" },
    refuse: { amount: amounts },
    objectInput: false,
  },
  {
    name: "offeringUsers.create",
    call: (i: In) => c.offeringUsers.create(i),
    valid: { offering: U, user: U, username: "alice" },
    required: ["offering", "user"],
    fields: { offering: "strict", user: "strict", username: "text" },
    route: { method: "POST", path: "/api/marketplace-offering-users/" },
    refuse: {
      offering: [
        { label: "javascript: URL", value: "javascript:alert(1)" },
        { label: "file URL", value: "file:///etc/passwd" },
      ],
    },
  },
];

describe(`${PKG}: every method`, () => {
  describeOperations(PKG, OPERATIONS, () => server, tally);

  it.each([
    ["baseUrl", { baseUrl: "ftp://x/api/", token: "t" }],
    ["baseUrl", { baseUrl: "not a url", token: "t" }],
    ["token", { baseUrl: "http://127.0.0.1:9/api/" }],
    ["token", { baseUrl: "http://127.0.0.1:9/api/", token: "" }],
    ["generation", { baseUrl: "http://127.0.0.1:9/api/", token: "t", generation: "future" }],
    ["pageSize", { baseUrl: "http://127.0.0.1:9/api/", token: "t", pageSize: 0 }],
    ["pageSize", { baseUrl: "http://127.0.0.1:9/api/", token: "t", pageSize: 301 }],
    [
      "conflictRetry.attempts",
      { baseUrl: "http://127.0.0.1:9/api/", token: "t", conflictRetry: { attempts: 99 } },
    ],
    [
      "conflictRetry.delayMs",
      { baseUrl: "http://127.0.0.1:9/api/", token: "t", conflictRetry: { delayMs: -1 } },
    ],
  ])("createWaldurClient refuses bad %s", async (field, options) => {
    await expectRefused(server, () => createWaldurClient(options as never), { pkg: PKG, field });
    tally.record(PKG, "refused");
  });
});
