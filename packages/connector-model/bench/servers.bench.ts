import { expect, it } from "vitest";
import {
  Connections,
  fixedClock,
  ImageDetail,
  IpAddress,
  Locations,
  Metadata,
  PreciseDateTime,
  Region,
  Server,
  serializeList,
} from "../src/index.js";

// Workload (i) of the original's bench.py: 100,000 fully detailed Servers (region, locations,
// connections, metadata, image detail, 2 IPs, datetime), constructed and then serialized with
// serializeList. The baseline, measured in the same run, is JSON.parse(JSON.stringify(x)) of
// the same serialized data: a plain deep copy of objects of the same shape.
// The Python original does about 21,000 constructions/s and 44,000 serializations/s here.
const N = 100_000;
const ROUNDS = 5;
const PYTHON = { construct: 21_000, serialize: 44_000 };

function makeServer(i: number): Server {
  return new Server({
    id: `server-${i}`,
    name: `Server ${i}`,
    providerCreatedAt: new PreciseDateTime({ year: 2017, month: 2, day: 4, microsecond: i % 1_000_000 }),
    connections: new Connections({ volumes: [`volume-${i}`], networks: ["network-1"] }),
    metadata: new Metadata({
      values: [
        ["key1", "value1"],
        ["key2", i],
      ],
    }),
    region: new Region({ id: "region-1" }),
    locations: new Locations({
      locations: [
        {
          country: { name: "France" },
          city: { name: "Paris" },
          location: { name: "Place", latitude: 48.86, longitude: 2.39 },
        },
      ],
    }),
    nativePortalLink: `http://www.example.com/servers/server-${i}`,
    state: "stopped",
    providerState: "powered off",
    imageDetail: new ImageDetail({
      id: "image-1",
      name: "ubuntu 16.04",
      type: "Linux",
      distribution: "Ubuntu",
      version: "16.04",
      architecture: "64",
    }),
    cpuCores: 2,
    cpuHz: 2_500_000,
    ramB: 1024 * 1024 * 32,
    volumesB: 1024 ** 4,
    ipAddresses: [
      new IpAddress({ ipAddress: "192.168.0.1", networkId: "network-1", networkName: "Network 1" }),
      new IpAddress({ ipAddress: "10.0.0.1", description: "public" }),
    ],
  });
}

// Ceilings, measured in the same run: the least work any implementation must do here. The construction
// ceiling allocates the same objects from the same option literals, as plain classes that only keep their
// options (no checks, no defaults). The serialization ceiling is one hand-written object literal of the
// same output (checked equal below), built from flat fields. Everything above them is this library's cost.
class Kept {
  constructor(readonly options: object) {}
}

function makeKept(i: number): Kept {
  return new Kept({
    id: `server-${i}`,
    name: `Server ${i}`,
    providerCreatedAt: new Kept({ year: 2017, month: 2, day: 4, microsecond: i % 1_000_000 }),
    connections: new Kept({ volumes: [`volume-${i}`], networks: ["network-1"] }),
    metadata: new Kept({
      values: [
        ["key1", "value1"],
        ["key2", i],
      ],
    }),
    region: new Kept({ id: "region-1" }),
    locations: new Kept({
      locations: [
        {
          country: { name: "France" },
          city: { name: "Paris" },
          location: { name: "Place", latitude: 48.86, longitude: 2.39 },
        },
      ],
    }),
    nativePortalLink: `http://www.example.com/servers/server-${i}`,
    state: "stopped",
    providerState: "powered off",
    imageDetail: new Kept({
      id: "image-1",
      name: "ubuntu 16.04",
      type: "Linux",
      distribution: "Ubuntu",
      version: "16.04",
      architecture: "64",
    }),
    cpuCores: 2,
    cpuHz: 2_500_000,
    ramB: 1024 * 1024 * 32,
    volumesB: 1024 ** 4,
    ipAddresses: [
      new Kept({ ipAddress: "192.168.0.1", networkId: "network-1", networkName: "Network 1" }),
      new Kept({ ipAddress: "10.0.0.1", description: "public" }),
    ],
  });
}

interface Flat {
  id: string;
  name: string;
  microsecond: number;
  link: string;
  volume: string;
  i: number;
}

function literal(f: Flat, lastSeenAt: string): unknown {
  return {
    id: f.id,
    type: "server",
    base: {
      name: f.name,
      provider_created_at:
        f.microsecond === 0
          ? "2017-02-04T00:00:00Z"
          : `2017-02-04T00:00:00.${String(f.microsecond).padStart(6, "0")}Z`,
      last_seen_at: lastSeenAt,
      native_portal_link: f.link,
      locations: [
        {
          country: { name: "France" },
          city: { name: "Paris" },
          location: { name: "Place", latitude: 48.86, longitude: 2.39 },
        },
      ],
    },
    connections: { network: [{ id: "network-1" }], volume: [{ id: f.volume }] },
    metadata: { provider_specific: { key1: "value1", key2: f.i } },
    details: {
      server: {
        cpu_cores: 2,
        cpu_hz: 2_500_000,
        ram_b: 1024 * 1024 * 32,
        volumes_b: 1024 ** 4,
        instance_type: null,
        state: "stopped",
        provider_state: "powered off",
        ip_addresses: [
          { ip_address: "192.168.0.1", network: { id: "network-1", name: "Network 1" } },
          { ip_address: "10.0.0.1", description: "public" },
        ],
        image_detail: {
          id: "image-1",
          name: "ubuntu 16.04",
          architecture: "64",
          distribution: "Ubuntu",
          type: "Linux",
          version: "16.04",
        },
      },
    },
  };
}

function best(run: () => unknown): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return N / (fastest / 1000);
}

it("serialize and construct 100,000 Servers vs a JSON round trip", () => {
  const clock = fixedClock("2019-03-04T05:06:07.123456");
  let servers: Server[] = [];
  const construct = best(() => {
    servers = Array.from({ length: N }, (_, i) => makeServer(i));
  });
  let serialized: unknown[] = [];
  const serialize = best(() => {
    serialized = serializeList(servers, { clock });
  });
  const baseline = best(() => JSON.parse(JSON.stringify(serialized)));
  let kept: Kept[] = [];
  const constructCeiling = best(() => {
    kept = Array.from({ length: N }, (_, i) => makeKept(i));
  });
  const flat: Flat[] = Array.from({ length: N }, (_, i) => ({
    id: `server-${i}`,
    name: `Server ${i}`,
    microsecond: i % 1_000_000,
    link: `http://www.example.com/servers/server-${i}`,
    volume: `volume-${i}`,
    i,
  }));
  const lastSeenAt = "2019-03-04T05:06:07.123456Z";
  let literals: unknown[] = [];
  const serializeCeiling = best(() => {
    literals = flat.map((f) => literal(f, lastSeenAt));
  });
  // The ceiling builds exactly what serializeList builds.
  for (const i of [0, 1, 12_345, N - 1]) expect(literals[i]).toStrictEqual(serialized[i]);
  expect(kept).toHaveLength(N);

  const row = (name: string, perSecond: number, python: number | undefined, ceiling?: number) =>
    `${name.padEnd(44)} ${Math.round(perSecond).toLocaleString("en-US").padStart(10)} objects/s   ${(perSecond / baseline).toFixed(2)}× baseline   ${(perSecond / python!).toFixed(1)}× Python${ceiling ? `   ${Math.round((100 * perSecond) / ceiling)}% of ceiling` : ""}`;
  console.log(
    [
      "",
      `@meterkit/connector-model, ${N.toLocaleString("en-US")} fully detailed Servers, best of ${ROUNDS}`,
      `baseline JSON.parse(JSON.stringify)          ${Math.round(baseline).toLocaleString("en-US").padStart(10)} objects/s`,
      row("construct (new Server + helpers)", construct, PYTHON.construct, constructCeiling),
      row("  ceiling: same objects, no checks", constructCeiling, PYTHON.construct),
      row("serializeList", serialize, PYTHON.serialize, serializeCeiling),
      row("  ceiling: one hand-written literal", serializeCeiling, PYTHON.serialize),
      "",
    ].join("\n"),
  );
  // Machine-readable lines for the root `pnpm bench` (tooling/bench/run.mjs).
  for (const [name, value] of [
    ["connector-model construct vs JSON round trip", construct],
    ["connector-model serializeList vs JSON round trip", serialize],
  ] as const) {
    const ratio = +(value / baseline).toFixed(3);
    const line = { name, value: Math.round(value), baseline: Math.round(baseline), ratio, unit: "objects/s" };
    console.log(`BENCH ${JSON.stringify(line)}`);
  }
});
