/**
 * `hashmap`: the common HashMap operations from a shell, so operators can script rule changes without
 * Python. Built on core's CLI kit. Two spellings: cloudkittyclient's (`hashmap service list`, `hashmap
 * mapping create -s SID 0.5`, `-f json|value|table|csv`, `-c COLUMN`, its column titles; `compat*.ts`), and
 * meterkit's own (`hashmap services list`, `--format json` printing the server's objects as they are).
 * Startup loads only the kit and these tables: the client (zod, undici, the operations) is imported when a
 * command first needs it.
 */
import { readFileSync } from "node:fs";
import { type CliProgram, type OptionSpec, withCliffOutput } from "@meterkit/core/cli";
import type { HashMapClient } from "../client.js";
import { COMPAT_COMMANDS, type Command, type Ctx, withGroupWord } from "./compat.js";
import { COMPAT_RULE_COMMANDS } from "./compat-rules.js";
import { OS_OPTIONS, osEnvironment } from "./os-options.js";
import { DONE, itemResult, type Kind, listResult } from "./results.js";

const VERSION = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

const id = (name = "ID") => [{ name, help: "the object's UUID" }];
const str = (ctx: Ctx, name: string) => ctx.options[name] as string | undefined;
const arg = (ctx: Ctx, name = "ID") => ctx.positionals[name] as string;

const opt = (name: string, help: string, valueName = "ID"): OptionSpec => ({ name, help, valueName });
const PARENT = [opt("service-id", "parent service"), opt("field-id", "parent field")];
const RULE = [
  opt("cost", "decimal cost, e.g. 0.7", "C"),
  opt("type", "flat or rate", "T"),
  opt("group-id", "the rule's group"),
  opt("tenant-id", "the rule's tenant", "T"),
];
const FILTER = [
  ...PARENT,
  opt("group-id", "rules of this group"),
  opt("tenant-id", "rules of this tenant", "T"),
  { name: "no-tenant", type: "boolean", help: "rules without a tenant" } as const,
  { name: "no-group", type: "boolean", help: "rules without a group" } as const,
];

/** The flags every rule create/update shares, as the client's field names (absent flags left out). */
function ruleFields(ctx: Ctx, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = str(ctx, key);
    if (value !== undefined) out[key.replaceAll("-", "_")] = value;
  }
  return out;
}

function filterOf(ctx: Ctx) {
  const out: Record<string, string | boolean | null> = ruleFields(ctx, [
    "service-id",
    "field-id",
    "group-id",
  ]);
  if (ctx.options["no-group"]) out.no_group = true;
  if (ctx.options["no-tenant"]) out.tenant_id = null;
  else if (str(ctx, "tenant-id") !== undefined) out.tenant_id = str(ctx, "tenant-id") as string;
  return out;
}

/** `list`, `create`, `get`, `delete`, `update`, `group` of mappings or thresholds. */
function ruleCommands(resource: "mappings" | "thresholds", own: "value" | "level"): Command[] {
  const kind: Kind = resource === "mappings" ? "mapping" : "threshold";
  const key = resource === "mappings" ? "mappingId" : "thresholdId";
  const ref = (ctx: Ctx) => ({ [key]: arg(ctx) }) as { mappingId: string } & { thresholdId: string };
  const ownOption =
    own === "value" ? opt("value", "the desc value to match", "V") : opt("level", "decimal level", "L");
  const rules = async (ctx: Ctx) => (await ctx.setup())[resource];
  return [
    {
      name: `${resource} list`,
      summary: `List ${resource} (give --service-id, --field-id or --group-id)`,
      options: FILTER,
      run: async (ctx) => listResult(kind, await (await rules(ctx)).list(filterOf(ctx))),
    },
    {
      name: `${resource} create`,
      summary: `Create a ${kind} (exactly one of --service-id, --field-id)`,
      options: [...PARENT, ownOption, ...RULE],
      run: async (ctx) =>
        itemResult(
          await (await rules(ctx)).create(
            ruleFields(ctx, [
              "service-id",
              "field-id",
              own,
              "cost",
              "type",
              "group-id",
              "tenant-id",
            ]) as never,
          ),
        ),
    },
    {
      name: `${resource} update`,
      summary: `Change a ${kind} (what is not given keeps its value)`,
      positionals: id(),
      options: [ownOption, ...RULE],
      run: async (ctx) => {
        const patch = ruleFields(ctx, [own, "cost", "type", "group-id", "tenant-id"]) as never;
        return itemResult(await (await rules(ctx)).update({ ...ref(ctx), patch }));
      },
    },
    {
      name: `${resource} get`,
      summary: `Show a ${kind}`,
      positionals: id(),
      run: async (ctx) => itemResult(await (await rules(ctx)).get(ref(ctx))),
    },
    {
      name: `${resource} delete`,
      summary: `Delete a ${kind}`,
      positionals: id(),
      run: async (ctx) => {
        await (await rules(ctx)).delete(ref(ctx));
        return DONE;
      },
    },
    {
      name: `${resource} group`,
      summary: `Show the ${kind}'s group (nothing when it has none)`,
      positionals: id(),
      run: async (ctx) => itemResult(await (await rules(ctx)).group(ref(ctx))),
    },
  ];
}

const COMMANDS: Command[] = [
  {
    name: "types",
    summary: "List the mapping types (flat, rate)",
    run: async (ctx) => {
      const types = await (await ctx.setup()).mapTypes.list();
      return { json: types, text: types.join("\n") };
    },
  },
  {
    name: "services list",
    summary: "List services",
    run: async (ctx) => listResult("service", await (await ctx.setup()).services.list()),
  },
  {
    name: "services create",
    summary: "Create a service (NAME is the collected service, e.g. instance)",
    positionals: [{ name: "NAME" }],
    run: async (ctx) => itemResult(await (await ctx.setup()).services.create({ name: arg(ctx, "NAME") })),
  },
  {
    name: "services get",
    summary: "Show a service",
    positionals: id(),
    run: async (ctx) => itemResult(await (await ctx.setup()).services.get({ serviceId: arg(ctx) })),
  },
  {
    name: "services delete",
    summary: "Delete a service with its fields and rules",
    positionals: id(),
    run: async (ctx) => {
      await (await ctx.setup()).services.delete({ serviceId: arg(ctx) });
      return DONE;
    },
  },
  {
    name: "fields list",
    summary: "List a service's fields",
    positionals: id("SERVICE_ID"),
    run: async (ctx) =>
      listResult("field", await (await ctx.setup()).fields.list({ serviceId: arg(ctx, "SERVICE_ID") })),
  },
  {
    name: "fields create",
    summary: "Create a field (NAME is a key of the usage's desc, e.g. flavor_id)",
    positionals: [...id("SERVICE_ID"), { name: "NAME" }],
    run: async (ctx) =>
      itemResult(
        await (await ctx.setup()).fields.create({
          service_id: arg(ctx, "SERVICE_ID"),
          name: arg(ctx, "NAME"),
        }),
      ),
  },
  {
    name: "fields get",
    summary: "Show a field",
    positionals: id(),
    run: async (ctx) => itemResult(await (await ctx.setup()).fields.get({ fieldId: arg(ctx) })),
  },
  {
    name: "fields delete",
    summary: "Delete a field with its rules",
    positionals: id(),
    run: async (ctx) => {
      await (await ctx.setup()).fields.delete({ fieldId: arg(ctx) });
      return DONE;
    },
  },
  {
    name: "groups list",
    summary: "List groups",
    run: async (ctx) => listResult("group", await (await ctx.setup()).groups.list()),
  },
  {
    name: "groups create",
    summary: "Create a group",
    positionals: [{ name: "NAME" }],
    run: async (ctx) => itemResult(await (await ctx.setup()).groups.create({ name: arg(ctx, "NAME") })),
  },
  {
    name: "groups get",
    summary: "Show a group",
    positionals: id(),
    run: async (ctx) => itemResult(await (await ctx.setup()).groups.get({ groupId: arg(ctx) })),
  },
  {
    name: "groups delete",
    summary: "Delete a group (its rules stay, ungrouped, unless --recursive)",
    positionals: id(),
    options: [{ name: "recursive", type: "boolean", help: "also delete the group's rules" }],
    run: async (ctx) => {
      await (await ctx.setup()).groups.delete({
        groupId: arg(ctx),
        recursive: ctx.options.recursive === true,
      });
      return DONE;
    },
  },
  {
    name: "groups mappings",
    summary: "List a group's mappings",
    positionals: id(),
    run: async (ctx) =>
      listResult("mapping", await (await ctx.setup()).groups.mappings({ groupId: arg(ctx) })),
  },
  {
    name: "groups thresholds",
    summary: "List a group's thresholds",
    positionals: id(),
    run: async (ctx) =>
      listResult("threshold", await (await ctx.setup()).groups.thresholds({ groupId: arg(ctx) })),
  },
  ...ruleCommands("mappings", "value"),
  ...ruleCommands("thresholds", "level"),
  {
    name: "module get",
    summary: "Show the HashMap module's state and priority",
    run: async (ctx) => itemResult(await (await ctx.setup()).module.get()),
  },
  {
    name: "module enable",
    summary: "Enable the HashMap module",
    run: async (ctx) => itemResult(await (await ctx.setup()).module.enable()),
  },
  {
    name: "module disable",
    summary: "Disable the HashMap module",
    run: async (ctx) => itemResult(await (await ctx.setup()).module.disable()),
  },
  {
    name: "module priority",
    summary: "Set the HashMap module's priority (an integer)",
    positionals: [{ name: "N" }],
    run: async (ctx) =>
      itemResult(await (await ctx.setup()).module.setPriority({ priority: Number(arg(ctx, "N")) })),
  },
  {
    name: "quote",
    summary: "Ask the server's price of one resource",
    options: [
      opt("service", "the collected service, e.g. instance", "S"),
      opt("volume", "decimal volume", "V"),
      { name: "meta", multiple: true, valueName: "KEY=VALUE", help: "a desc.metadata entry (repeatable)" },
    ],
    run: async (ctx) => {
      const meta = (ctx.options.meta as readonly string[] | undefined) ?? [];
      const metadata = Object.fromEntries(
        meta.map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
      );
      const resources = [
        { service: str(ctx, "service") ?? "", volume: str(ctx, "volume") ?? "", desc: { metadata } },
      ];
      const price = await (await ctx.setup()).quote({ resources });
      return { json: price, text: price };
    },
  },
];

/** The `hashmap` program. @public */
export const program: CliProgram<Promise<HashMapClient>> = withCliffOutput({
  name: "hashmap",
  version: VERSION,
  summary: "CloudKitty HashMap rules from a shell: services, fields, groups, mappings, thresholds, quotes.",
  commands: [...[...COMPAT_COMMANDS, ...COMPAT_RULE_COMMANDS].map(withGroupWord), ...COMMANDS],
  formatShort: "f",
  globals: [
    {
      name: "url",
      env: "CLOUDKITTY_URL",
      valueName: "URL",
      help: "CloudKitty's root URL (default: Keystone's catalog, from --os-auth-url/--os-password…)",
    },
    ...OS_OPTIONS,
  ],
  setup: async (globals, io) => {
    const { connect } = await import("./connect.js");
    return connect(globals.url as string | undefined, { ...io, env: osEnvironment(io.env, globals) });
  },
});
