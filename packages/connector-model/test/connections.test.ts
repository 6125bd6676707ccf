import { describe, expect, it } from "vitest";
import { Connections } from "../src/index.js";

// What the conformance vectors cannot show, as they build each Connections in one call: add() on an existing
// one, a group whose iteration fails, and what the caller may do with serialize()'s output.

/** A Set whose iteration yields `good` and then fails, as a provider's lazy collection might. */
class FailingSet extends Set<string> {
  constructor(private readonly good: readonly string[]) {
    super(["x", ...good]);
  }
  override *[Symbol.iterator](): SetIterator<string> {
    yield* this.good;
    throw new Error("lost the connection");
  }
}

describe("Connections", () => {
  it("appends to a key added before; keys keep the order they were first added in", () => {
    const connections = new Connections({ volumes: ["v1"] })
      .add({ servers: ["s1"] })
      .add({ volumes: ["v2"] });
    const out = connections.serialize();
    expect(out).toEqual({ volume: [{ id: "v1" }, { id: "v2" }], server: [{ id: "s1" }] });
    expect(Object.keys(out)).toEqual(["volume", "server"]);
  });

  it("keeps raw elements under type any, and ids under any other type", () => {
    const raw = { id: "a", extra: 1 };
    const out = new Connections({ type: "any", connections: [raw, "b"] }).add({
      type: "circuit",
      connections: ["c"],
    });
    expect(out.serialize()).toEqual({ any: [raw, "b"], circuit: [{ id: "c" }] });
  });

  it("a group that fails part way keeps the entries before the failure, as the original appends", () => {
    const connections = new Connections({ networks: ["n1"] });
    expect(() => connections.add({ networks: new FailingSet(["n2"]) })).toThrow("lost the connection");
    expect(connections.serialize()).toEqual({ network: [{ id: "n1" }, { id: "n2" }] });
  });

  it("a group that fails at its first item still leaves its key, which the original creates first", () => {
    const connections = new Connections({ networks: ["n1"] });
    expect(() => connections.add({ servers: new FailingSet([]) })).toThrow("lost the connection");
    expect(connections.serialize()).toEqual({ network: [{ id: "n1" }], server: [] });
    connections.add({ servers: ["s1"] });
    expect(connections.serialize()).toEqual({ network: [{ id: "n1" }], server: [{ id: "s1" }] });
  });

  it("serialize() gives new lists and objects: changing them leaves the Connections as it was", () => {
    const connections = new Connections({ volumes: ["v1"] });
    const first = connections.serialize();
    first.volume!.push({ id: "v9" });
    (first.volume![0] as { id: string }).id = "changed";
    expect(connections.serialize()).toEqual({ volume: [{ id: "v1" }] });
  });
});
