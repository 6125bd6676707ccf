import { it } from "vitest";
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
  const row = (name: string, perSecond: number, python: number | undefined) =>
    `${name.padEnd(34)} ${Math.round(perSecond).toLocaleString("en-US").padStart(12)} objects/s   ${(perSecond / baseline).toFixed(2)}× baseline${python ? `   ${(perSecond / python).toFixed(0)}× Python` : ""}`;
  console.log(
    [
      "",
      `@meterkit/connector-model, ${N.toLocaleString("en-US")} fully detailed Servers, best of ${ROUNDS}`,
      row("baseline JSON.parse(JSON.stringify)", baseline, undefined),
      row("construct (new Server + helpers)", construct, PYTHON.construct),
      row("serializeList", serialize, PYTHON.serialize),
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
