import { pyTypeName } from "@meterkit/core/python";
import { checkKeys, pyIter, pyLen } from "./options.js";

/** Options of {@link Connections} and {@link Connections.add}. @public */
export interface ConnectionsOptions {
  /** Resource type for `connections`, e.g. `server`; `any` keeps raw elements. */
  type?: string | null | undefined;
  /** Ids (or, with type `any`, raw values) connected under `type`. */
  connections?: Iterable<unknown> | null | undefined;
  /** Appliance ids, emitted under the key `appliance`. */
  appliances?: Iterable<unknown> | null | undefined;
  /** Server ids, emitted under `server`. */
  servers?: Iterable<unknown> | null | undefined;
  /** Network ids, emitted under `network`. */
  networks?: Iterable<unknown> | null | undefined;
  /** Volume ids, emitted under `volume`. */
  volumes?: Iterable<unknown> | null | undefined;
}

/** Wire form of {@link Connections}: resource type to connected entries. @public */
export type SerializedConnections = Record<string, unknown[]>;

const KEYS = new Set(["type", "connections", "appliances", "servers", "networks", "volumes"]);

/**
 * Associations between resources. Plural option names, singular wire keys. Like the original,
 * a string is iterated by character (`connections: "ab"` gives two ids) and nothing is
 * de-duplicated or validated.
 * @public
 */
export class Connections {
  // The entries as one flat list of pairs, `[key, item, key, item, ...]`, in the order they were added; the
  // `{ id }` objects are made by `serialize()`. Every resource keeps its Connections until it is dropped: a
  // dict of lists of `{ id }` objects held 176 bytes more for the three ids of bench.py's Server (1,610
  // bytes a Server, now 1,434), and building 100,000 of them in a fresh process ran 12 % slower, as the
  // collector copies every live byte.
  #entries: unknown[] = [];

  constructor(options: ConnectionsOptions = {}) {
    this.add(options);
  }

  /** Adds connections; returns `this` so calls chain. */
  add(options: ConnectionsOptions = {}): this {
    const o = checkKeys("Connections", options, KEYS);
    if (o.type !== null && o.type !== undefined && o.connections !== null && o.connections !== undefined) {
      this.#group(String(o.type), o.connections, "connections");
    }
    this.#group("appliance", o.appliances, "appliances");
    this.#group("server", o.servers, "servers");
    this.#group("network", o.networks, "networks");
    this.#group("volume", o.volumes, "volumes");
    return this;
  }

  /** `{ <type>: [{ id }, ...] }`, or `{}`: keys in the order they were first added to. */
  serialize(): SerializedConnections {
    const out: SerializedConnections = {};
    const entries = this.#entries;
    let i = 0;
    while (i < entries.length) {
      // One run of entries under the same key at a time: each add() appends its groups whole.
      const key = entries[i] as string;
      let end = i + 2;
      while (end < entries.length && entries[end] === key) end += 2;
      // Exact lists: the output trees stay alive, and an array grown by push keeps room for 16 more.
      const run: unknown[] = new Array((end - i) >> 1);
      let marked = false;
      for (let at = i + 1, k = 0; at < end; at += 2, k++) {
        const item = entries[at];
        if (item === NO_ENTRY) marked = true;
        run[k] = key === "any" || item === NO_ENTRY ? item : { id: item };
      }
      const before = out[key];
      const list = before === undefined ? run : before.concat(run);
      out[key] = marked ? list.filter((item) => item !== NO_ENTRY) : list;
      i = end;
    }
    return out;
  }

  #group(key: string, items: unknown, field: string): void {
    if (items === null || items === undefined) return;
    const typeName = pyTypeName(items);
    if (pyLen(items, field, typeName) === 0) return;
    const entries = this.#entries;
    const start = entries.length;
    try {
      for (const item of pyIter(items, field, typeName)) entries.push(key, item);
    } catch (error) {
      // The original creates the key's list before iterating, so a group that fails at its first item
      // still leaves its key (with the entries before the failure, as here).
      if (entries.length === start && !this.#has(key)) entries.push(key, NO_ENTRY);
      throw error;
    } finally {
      // A list grown by push keeps room for 16 more entries; keep an exact copy.
      this.#entries = entries.slice();
    }
  }

  #has(key: string): boolean {
    for (let i = 0; i < this.#entries.length; i += 2) if (this.#entries[i] === key) return true;
    return false;
  }
}

/** Marks a key created by a group that failed before its first entry. */
const NO_ENTRY = Symbol("no entry");
