/** serializeListJson gives the text JSON.stringify(serializeList(...)) gives, and stops at the same errors. */
import { describe, expect, it } from "vitest";
import {
  Connections,
  DateParseError,
  fixedClock,
  ImageDetail,
  IpAddress,
  Locations,
  Metadata,
  PreciseDateTime,
  Region,
  type Serializable,
  Server,
  serializeList,
  serializeListJson,
  Volume,
} from "../src/index.js";
import { applyCall, build, decodeArgs, loadVectors } from "./helpers/vectors.js";

const clock = fixedClock("2019-03-04T05:06:07.123456");

/** bench.py's full_server(i), as bench/peer-workloads.mjs builds it. */
function fullServer(i: number): Server {
  return new Server({
    id: `server-${i}`,
    name: `Server ${i}`,
    providerCreatedAt: new PreciseDateTime({ year: 2017, month: 2, day: 4, hour: 12, microsecond: i }),
    connections: new Connections({ volumes: [`volume-${i}`, "volume-x"], networks: ["network-1"] }),
    metadata: new Metadata({
      values: [
        ["key1", "value1"],
        ["key2", i],
        ["ns", "key3", "v"],
      ],
    }),
    region: new Region({ id: "region-1" }),
    locations: new Locations({
      locations: [{ country: { name: "France" }, city: { name: "Paris" }, location: { name: "Place" } }],
    }),
    nativePortalLink: `http://www.example.com/servers/${i}`,
    state: "running",
    imageDetail: new ImageDetail({ id: "image-1", name: "ubuntu 16.04", type: "Linux" }),
    cpuCores: 2,
    ramB: 8 * 1024 ** 3,
    ipAddresses: [new IpAddress({ ipAddress: `192.168.0.${i % 256}`, networkId: "n", networkName: "N" })],
  });
}

describe("serializeListJson", () => {
  it("matches JSON.stringify(serializeList()) on every models.json vector that serializes", () => {
    let compared = 0;
    for (const vector of loadVectors("models.json")) {
      if (!vector.ok) continue;
      let items: Serializable[];
      if (vector.class === "serialize_list") items = decodeArgs(vector.args.data) as Serializable[];
      else {
        let target = build(vector.class, vector.args, vector.calls) as Serializable;
        if (vector.method !== undefined)
          target = applyCall(target as object, vector.method, vector.method_args ?? {}) as Serializable;
        items = [target];
      }
      let expected: string;
      try {
        expected = JSON.stringify(serializeList(items, { clock }));
      } catch {
        continue; // e.g. an exact bigint: JSON cannot carry it (checked below)
      }
      expect(serializeListJson(items, { clock })).toBe(expected);
      compared++;
    }
    expect(compared).toBeGreaterThan(50);
  });

  it("matches on 2,000 detailed Servers, with the fixed clock and with the system clock", () => {
    const servers = Array.from({ length: 2_000 }, (_, i) => fullServer(i));
    expect(serializeListJson(servers, { clock })).toBe(JSON.stringify(serializeList(servers, { clock })));
    const text = serializeListJson(servers);
    const parsed = JSON.parse(text) as { base: { last_seen_at: string } }[];
    expect(parsed).toHaveLength(2_000);
    const stamped = serializeList(servers, { clock: () => new Date(parsed[0]!.base.last_seen_at) });
    expect(parsed[0]).toEqual(stamped[0]);
  });

  it("writes [] for no items and null for an item that serializes to nothing", () => {
    expect(serializeListJson([])).toBe("[]");
    const odd = { serialize: () => undefined };
    expect(serializeListJson([odd, odd])).toBe(JSON.stringify(serializeList([odd, odd])));
  });

  it("stops at the first item that cannot be serialized or encoded", () => {
    const bad = new Server({ id: "vm-2", name: "b", providerCreatedAt: "not a date at all" });
    expect(() => serializeListJson([fullServer(1), bad], { clock })).toThrow(DateParseError);
    expect(() => serializeListJson([fullServer(1), bad], { clock })).toThrow(/server 'vm-2'/);
    const huge = new Volume({ id: "v", name: "v", iops: 2n ** 64n });
    expect(() => JSON.stringify(serializeList([huge], { clock }))).toThrow(TypeError);
    expect(() => serializeListJson([huge], { clock })).toThrow(TypeError);
  });
});
