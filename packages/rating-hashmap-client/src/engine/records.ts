/**
 * Usage records for the engine, validated fast: pricing a month of usage means 10⁵–10⁶ records, so the common
 * well-formed case is checked by hand and zod runs only to explain a bad record (same rules, same messages).
 */
import { validateInput } from "@meterkit/core";
import { type PyDecimal, parsePyDecimal } from "../decimal/py-decimal.js";
import { PKG } from "../inputs.js";
import { type DescValue, type ParsedUsageRecord, type UsageRecord, UsageRecords } from "../usage.js";

/** A record ready to price. @internal */
export interface PricedRecord {
  readonly service: string;
  readonly qty: PyDecimal;
  /** `desc.metadata`; with `groupby` it forms CloudKitty's `DataPoint.desc` (groupby wins). Not merged: speed. */
  readonly metadata: Readonly<Record<string, DescValue>> | undefined;
  readonly groupby: Readonly<Record<string, DescValue>> | undefined;
}

const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A JSON value (finite numbers; plain arrays and objects of JSON values). */
function json(v: unknown, depth: number): boolean {
  const t = typeof v;
  if (t === "string" || t === "boolean" || v === null) return true;
  if (t === "number") return Number.isFinite(v);
  if (t !== "object" || depth > 64) return false;
  if (Array.isArray(v)) {
    for (const x of v) if (!json(x, depth + 1)) return false;
    return true;
  }
  return values(v as object, depth + 1);
}

/** A plain object of JSON values (strings and finite numbers, the common values, checked inline). */
function values(o: object, depth: number): boolean {
  const proto = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== null) return false;
  // No own-ness check: only an enumerable key added to Object.prototype could be inherited here, and then
  // its value is merely checked too (zod, which explains bad records, does not work under such a prototype).
  for (const k in o) {
    const v = (o as Record<string, unknown>)[k];
    const t = typeof v;
    if (t === "string") continue;
    if (t === "number") {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (!json(v, depth)) return false;
  }
  return true;
}

function scalars(o: unknown): o is Record<string, DescValue> {
  return typeof o === "object" && o !== null && !Array.isArray(o) && values(o, 0);
}

function fast(r: unknown, volumes: Map<string, PyDecimal>): PricedRecord | undefined {
  if (typeof r !== "object" || r === null) return undefined;
  const { service, volume, desc } = r as Record<string, unknown>;
  if (typeof service !== "string" || service === "") return undefined;
  if (
    !(
      typeof volume === "string" ||
      typeof volume === "bigint" ||
      (typeof volume === "number" && Number.isSafeInteger(volume))
    )
  ) {
    return undefined;
  }
  const text = String(volume).trim();
  let qty = volumes.get(text);
  if (!qty) {
    if (text.length > 1000 || !PLAIN.test(text)) return undefined;
    qty = parsePyDecimal(text);
    if (!qty) return undefined;
    volumes.set(text, qty);
  }
  if (desc === undefined) return { service, qty, metadata: undefined, groupby: undefined };
  if (typeof desc !== "object" || desc === null) return undefined;
  for (const key in desc) if (key !== "metadata" && key !== "groupby") return undefined;
  const { metadata, groupby } = desc as { metadata?: unknown; groupby?: unknown };
  if (metadata !== undefined && !scalars(metadata)) return undefined;
  if (groupby !== undefined && !scalars(groupby)) return undefined;
  return { service, qty, metadata, groupby } as PricedRecord;
}

/** The parts of the record {@link readRecord} last accepted (one scratch object: no allocation per record). @internal */
export const current: {
  service: string;
  volume: string;
  metadata: Readonly<Record<string, DescValue>> | undefined;
  groupby: Readonly<Record<string, DescValue>> | undefined;
} = { service: "", volume: "", metadata: undefined, groupby: undefined };

/**
 * Check a well-formed record by hand and put its parts in {@link current}; false for anything else (the caller
 * then validates with zod, which explains the fault or normalizes what it accepts).
 * @internal
 */
export function readRecord(r: unknown): boolean {
  if (typeof r !== "object" || r === null) return false;
  const { service, volume, desc } = r as Record<string, unknown>;
  if (typeof service !== "string" || service === "") return false;
  let text: string;
  if (typeof volume === "string") text = volume.trim();
  else if (typeof volume === "bigint" || (typeof volume === "number" && Number.isSafeInteger(volume)))
    text = String(volume);
  else return false;
  current.service = service;
  current.volume = text;
  if (desc === undefined) {
    current.metadata = undefined;
    current.groupby = undefined;
    return true;
  }
  if (typeof desc !== "object" || desc === null) return false;
  for (const key in desc) if (key !== "metadata" && key !== "groupby") return false;
  const { metadata, groupby } = desc as { metadata?: unknown; groupby?: unknown };
  if (metadata !== undefined && !scalars(metadata)) return false;
  if (groupby !== undefined && !scalars(groupby)) return false;
  current.metadata = metadata as Record<string, DescValue> | undefined;
  current.groupby = groupby as Record<string, DescValue> | undefined;
  return true;
}

/** A volume text as the fast check accepts it (a plain decimal literal), or undefined. @internal */
export function parseVolume(text: string): PyDecimal | undefined {
  return text.length > 1000 || !PLAIN.test(text) ? undefined : parsePyDecimal(text);
}

/** Validate and prepare usage records; bad input throws `InvalidInputError` naming `records.<i>.<field>`. @internal */
export function prepareRecords(records: readonly UsageRecord[]): PricedRecord[] {
  const volumes = new Map<string, PyDecimal>();
  if (Array.isArray(records) && records.length > 0) {
    const out: PricedRecord[] = [];
    for (const r of records) {
      const p = fast(r, volumes);
      if (!p) break;
      out.push(p);
    }
    if (out.length === records.length) return out;
  }
  const valid = validateInput(UsageRecords, records, { package: PKG, root: "records" });
  return valid.map((r: ParsedUsageRecord) => ({
    service: r.service,
    qty: parsePyDecimal(r.volume) as PyDecimal,
    metadata: r.desc.metadata,
    groupby: r.desc.groupby,
  }));
}
