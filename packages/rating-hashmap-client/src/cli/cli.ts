/**
 * `hashmap`: the common HashMap operations from a shell, so operators can script rule changes without Python.
 * `hashmap <resource> <action> [args] [--flags] [--format table|json] [--url URL]`; see `hashmap help`.
 */
import { parseArgs } from "node:util";
import { isSdkError } from "@meterkit/core";
import type { HashMapClient } from "../client.js";
import { connect } from "./connect.js";
import { render } from "./format.js";

/** The usage text. @internal */
export const USAGE = `usage: hashmap <command> [options]   (--format table|json, --url URL)
  types
  services list | create NAME | get ID | delete ID
  fields list SERVICE_ID | create SERVICE_ID NAME | get ID | delete ID
  groups list | create NAME | get ID | delete ID [--recursive] | mappings ID | thresholds ID
  mappings|thresholds list (--service-id|--field-id|--group-id ID) [--tenant-id T|--no-tenant] [--no-group]
  mappings create (--service-id|--field-id ID) --cost C [--value V] [--type flat|rate] [--group-id G] [--tenant-id T]
  thresholds create (--service-id|--field-id ID) --level L --cost C [--type flat|rate] [--group-id G] [--tenant-id T]
  mappings|thresholds get ID | delete ID | group ID | update ID [--cost C] [--type T] [--value V|--level L] [--group-id G] [--tenant-id T]
  module get | enable | disable | priority N
  quote --service S --volume V [--meta KEY=VALUE]...`;

const OPTIONS = {
  format: { type: "string", default: "table" },
  url: { type: "string" },
  "service-id": { type: "string" },
  "field-id": { type: "string" },
  "group-id": { type: "string" },
  "tenant-id": { type: "string" },
  "no-tenant": { type: "boolean" },
  "no-group": { type: "boolean" },
  recursive: { type: "boolean" },
  cost: { type: "string" },
  level: { type: "string" },
  value: { type: "string" },
  type: { type: "string" },
  service: { type: "string" },
  volume: { type: "string" },
  meta: { type: "string", multiple: true },
} as const;

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

function rule(f: Flags): Record<string, string | undefined> {
  return {
    service_id: f["service-id"],
    field_id: f["field-id"],
    group_id: f["group-id"],
    tenant_id: f["tenant-id"],
    cost: f.cost,
    type: f.type,
  };
}

function strip<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

async function run(hm: HashMapClient, [resource, action, a1, a2]: string[], f: Flags): Promise<unknown> {
  const filter = strip({
    service_id: f["service-id"],
    field_id: f["field-id"],
    group_id: f["group-id"],
    no_group: f["no-group"] ? true : undefined,
    tenant_id: f["no-tenant"] ? null : f["tenant-id"],
  });
  const id = a1 ?? "";
  switch (`${resource} ${action ?? ""}`.trim()) {
    case "types":
      return hm.mapTypes();
    case "services list":
      return hm.services.list();
    case "services create":
      return hm.services.create({ name: id });
    case "services get":
      return hm.services.get(id);
    case "services delete":
      return hm.services.delete(id);
    case "fields list":
      return hm.fields.list(id);
    case "fields create":
      return hm.fields.create({ service_id: id, name: a2 ?? "" });
    case "fields get":
      return hm.fields.get(id);
    case "fields delete":
      return hm.fields.delete(id);
    case "groups list":
      return hm.groups.list();
    case "groups create":
      return hm.groups.create({ name: id });
    case "groups get":
      return hm.groups.get(id);
    case "groups delete":
      return hm.groups.delete(id, { recursive: f.recursive === true });
    case "groups mappings":
      return hm.groups.mappings(id);
    case "groups thresholds":
      return hm.groups.thresholds(id);
    case "mappings list":
      return hm.mappings.list(filter);
    case "mappings create":
      return hm.mappings.create(strip({ ...rule(f), value: f.value }) as never);
    case "mappings update":
      return hm.mappings.update(
        id,
        strip({ ...rule(f), service_id: undefined, field_id: undefined, value: f.value }) as never,
      );
    case "mappings get":
      return hm.mappings.get(id);
    case "mappings delete":
      return hm.mappings.delete(id);
    case "mappings group":
      return hm.mappings.group(id);
    case "thresholds list":
      return hm.thresholds.list(filter);
    case "thresholds create":
      return hm.thresholds.create(strip({ ...rule(f), level: f.level }) as never);
    case "thresholds update":
      return hm.thresholds.update(
        id,
        strip({ ...rule(f), service_id: undefined, field_id: undefined, level: f.level }) as never,
      );
    case "thresholds get":
      return hm.thresholds.get(id);
    case "thresholds delete":
      return hm.thresholds.delete(id);
    case "thresholds group":
      return hm.thresholds.group(id);
    case "module get":
      return hm.module.get();
    case "module enable":
      return hm.module.enable();
    case "module disable":
      return hm.module.disable();
    case "module priority":
      return hm.module.setPriority(Number(id));
    case "quote": {
      const metadata = Object.fromEntries(
        (f.meta ?? []).map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
      );
      return hm.quote([{ service: f.service ?? "", volume: f.volume ?? "", desc: { metadata } }]);
    }
    default:
      throw new UsageError(`unknown command: ${[resource, action].filter(Boolean).join(" ") || "(none)"}`);
  }
}

class UsageError extends Error {}

/** Run the CLI; returns the exit code (0 ok, 1 failed call, 2 usage). @internal */
export async function main(
  argv: readonly string[],
  io = { out: process.stdout, err: process.stderr, env: process.env },
): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true });
    if (positionals.length === 0 || positionals[0] === "help") {
      io.out.write(`${USAGE}\n`);
      return positionals.length === 0 ? 2 : 0;
    }
    if (values.format !== "table" && values.format !== "json")
      throw new UsageError("--format must be table or json");
    const result = await run(connect(values.url, io.env), positionals, values);
    const text = render(result, values.format);
    if (text) io.out.write(`${text}\n`);
    return 0;
  } catch (error) {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    io.err.write(`hashmap: ${(error as Error).message}\n${usage ? `${USAGE}\n` : ""}`);
    return usage ? 2 : isSdkError(error) ? 1 : 1;
  }
}
