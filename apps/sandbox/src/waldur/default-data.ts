import type { ResourceRecord, WaldurData } from "./data.js";

export const PROVIDER = "f1353afe1dae4bcf94a5256c5612a189";
export const CONSUMER = "d42a18b6b8ba4c2bb0591b3ff8fb181d";
export const PROJECT = "8a158ebf1abf4c74a431b9c65a0d7829";
export const OFFERING = "cf4eb9c29fc74af4ade667fcb53633d5";
export const PLAN = "1537de6e94f9427cafb74cb63fa21c72";
export const RESOURCE = "a1916bd53fd04b1ab1a4e700c926607b";
export const LOCKED_RESOURCE = "0badc0de0badc0de0badc0de0badc0de";
export const PLAN_PERIOD = "fb36ce56e53b43e59b3d963354d0467c";
export const USERS = ["bb235c67dcb44470a45d4e0f94e0ed00", "0cc72de4ebb840d98fef133e4433ec9a"] as const;

/** A deterministic 32-hex UUID from a prefix and a counter (for generated records). */
export function fakeUuid(prefix: string, n: number): string {
  return (prefix + n.toString(16).padStart(32, "0")).slice(-32).padStart(32, "0");
}

function resource(
  uuid: string,
  name: string,
  state: ResourceRecord["state"],
  extra: Partial<ResourceRecord> = {},
): ResourceRecord {
  return {
    uuid,
    name,
    offering_uuid: OFFERING,
    project_uuid: PROJECT,
    plan_uuid: PLAN,
    state,
    backend_id: "",
    report: null,
    limits: { cpu_k_hours: 1000, gb_k_hours: 3000, gpu_k_hours: 1000 },
    ...extra,
  };
}

/** The default marketplace: one provider (CSC), one offering (LUMI-C), two users, a few resources and orders. */
export function defaultData(): WaldurData {
  const orders = ["7e57c0de7e57c0de7e57c0de7e57c0de", "7e57c0de7e57c0de7e57c0de7e57c0df"];
  const items = [
    "9b1f5a1c2d3e4f5a6b7c8d9e0f1a2b3c",
    "9b1f5a1c2d3e4f5a6b7c8d9e0f1a2b3d",
    "9b1f5a1c2d3e4f5a6b7c8d9e0f1a2b3e",
  ];
  const month = new Date();
  const start = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth(), 1)).toISOString();
  return {
    customers: [
      { uuid: PROVIDER, name: "CSC" },
      { uuid: CONSUMER, name: "University of Tartu" },
    ],
    projects: [
      {
        uuid: PROJECT,
        name: "Sample project",
        customer_uuid: CONSUMER,
        members: [
          { user_uuid: USERS[0], role: "admin" },
          { user_uuid: USERS[1], role: "member" },
        ],
      },
    ],
    users: [
      {
        uuid: USERS[0],
        // 8.0.5 `User.username` is `^[0-9a-z_.@+-]+$`: the SDK guide's `CSC_api_user` would not validate.
        username: "csc_api_user",
        full_name: "Integration user (CSC)",
        email: "CSC_api_user@example.com",
        organization: "CSC",
      },
      {
        uuid: USERS[1],
        username: "etais_api_user",
        full_name: "Integration user (ETAIS)",
        email: "ETAIS_api_user@example.com",
        organization: "CSC",
      },
    ],
    keys: [
      {
        uuid: "6f2d0e0c4b0f4e5e9a7e3c1f0a9b8c7d",
        name: "laptop",
        public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGVjbGlwc2UtdGVzdC1rZXk= alice@laptop",
        fingerprint: "1b:2e:4f:aa:00:11:22:33:44:55:66:77:88:99:aa:bb",
        user_uuid: USERS[0],
        type: "ssh-ed25519",
      },
    ],
    offerings: [
      {
        uuid: OFFERING,
        name: "LUMI-C",
        customer_uuid: PROVIDER,
        can_create_offering_user: true,
        components: [
          { type: "cpu_k_hours", name: "CPU", measured_unit: "k-hours", billing_type: "usage" },
          { type: "gpu_k_hours", name: "GPU", measured_unit: "k-hours", billing_type: "usage" },
          { type: "gb_k_hours", name: "Storage", measured_unit: "GB k-hours", billing_type: "usage" },
        ],
      },
    ],
    resources: [
      resource(RESOURCE, "Sample resource", "OK"),
      resource(LOCKED_RESOURCE, "Busy resource", "OK", { locked: true }),
      resource("c0ffee00c0ffee00c0ffee00c0ffee00", "New allocation", "Creating"),
    ],
    orders: orders.map((uuid, i) => ({
      uuid,
      resource_uuid: i === 0 ? RESOURCE : "c0ffee00c0ffee00c0ffee00c0ffee00",
      type: "Create",
      state: "pending-provider",
    })),
    orderItems: items.map((uuid) => ({ uuid, resource_uuid: RESOURCE, type: "Create", state: "pending" })),
    planPeriods: [
      { uuid: PLAN_PERIOD, resource_uuid: RESOURCE, plan_uuid: PLAN, start, end: null, usages: [] },
    ],
    offeringUsers: [],
  };
}
