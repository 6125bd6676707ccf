/**
 * `cloudkitty hashmap mapping …` and `… threshold …` as cloudkittyclient 4.6 has them, including what it
 * sends: a positional COST is read as a float (`type=float`) and sent as a JSON number, so it is stored with
 * the float's digits (`0.7` → `0.6999999999999999555910790150`), as with cloudkitty; `--cost` of an update
 * and LEVEL are sent as typed. A service mapping is created with `value: null`, as cloudkitty creates it.
 */
import { type OptionSpec, UsageError } from "@meterkit/core/cli";
import { arg, type Command, type Ctx } from "./compat.js";
import { ckList, DONE } from "./results.js";

const opt = (name: string, help: string, short?: string, extra: Partial<OptionSpec> = {}): OptionSpec => ({
  name,
  help,
  short,
  valueName: name.toUpperCase().replaceAll("-", "_"),
  ...extra,
});

const PARENTS = [
  opt("service-id", "Service ID", "s"),
  opt("group-id", "Group ID", "g"),
  opt("field-id", "Field ID"),
  opt("project-id", "Project ID", "p", { aliases: ["tenant-id"] }),
];
const LIST = [
  ...PARENTS,
  {
    name: "filter-tenant",
    type: "boolean",
    help: "Explicitly filter on given tenant (allows to filter on tenant being None)",
  },
  { name: "no-group", type: "boolean", help: "Filter on orphaned rules (alone: of every service)" },
  { name: "all", type: "boolean", help: "The rules of every service and field (meterkit)" },
] as const satisfies readonly OptionSpec[];
const UNGROUP: OptionSpec = {
  name: "no-group",
  type: "boolean",
  help: "Take the rule out of its group (meterkit; same id)",
};

/** cloudkittyclient drops empty (falsy) values before it builds a query or a body. */
function given(ctx: Ctx, name: string): string | undefined {
  const value = ctx.options[name] as string | undefined;
  return value === "" ? undefined : value;
}

/** Python's `float()` of an argument (argparse `type=float`): as it reads it, or a usage error. */
export function pythonFloat(name: string, text: string): number {
  const t = text.trim().replace(/(?<=\d)_(?=\d)/g, "");
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(t)) {
    throw new UsageError(`argument ${name}: invalid float value: '${text}'`);
  }
  const value = Number(t);
  if (!Number.isFinite(value)) throw new UsageError(`argument ${name}: '${text}' is not a finite number`);
  return value;
}

/**
 * The list filter cloudkitty sends: the parent, `no_group`, and the tenant only with `--filter-tenant`
 * (then a missing `-p` means "no tenant"; without it the server ignores `-p`).
 */
function listFilter(ctx: Ctx) {
  const filterTenant = ctx.options["filter-tenant"] === true;
  return {
    ...(given(ctx, "service-id") === undefined ? {} : { service_id: given(ctx, "service-id") }),
    ...(given(ctx, "field-id") === undefined ? {} : { field_id: given(ctx, "field-id") }),
    ...(given(ctx, "group-id") === undefined ? {} : { group_id: given(ctx, "group-id") }),
    ...(ctx.options["no-group"] === true ? { no_group: true } : {}),
    ...(ctx.options.all === true ? { all: true } : {}),
    ...(filterTenant ? { tenant_id: given(ctx, "project-id") ?? null } : {}),
  };
}

/** What a create sends besides the rule's own keys: parent, group, tenant, type (`flat` by default). */
function createFields(ctx: Ctx) {
  return {
    ...(given(ctx, "service-id") === undefined ? {} : { service_id: given(ctx, "service-id") }),
    ...(given(ctx, "field-id") === undefined ? {} : { field_id: given(ctx, "field-id") }),
    ...(given(ctx, "group-id") === undefined ? {} : { group_id: given(ctx, "group-id") }),
    ...(given(ctx, "project-id") === undefined ? {} : { tenant_id: given(ctx, "project-id") }),
    type: (given(ctx, "type") ?? "flat") as "flat",
  };
}

/**
 * An update's changes: what was given (cloudkitty merges every non-None argument into the rule it read;
 * `-s`/`--field-id` are accepted and, as the server ignores them, change nothing).
 */
function patchOf(ctx: Ctx, own: "value" | "level") {
  const patch: Record<string, string | null> = {};
  const group = given(ctx, "group-id");
  if (ctx.options["no-group"] === true) {
    if (group !== undefined) throw new UsageError("--no-group and --group-id cannot be combined");
    patch.group_id = null;
  } else if (group !== undefined) patch.group_id = group;
  const tenant = given(ctx, "project-id");
  if (tenant !== undefined) patch.tenant_id = tenant;
  const ownValue = given(ctx, own);
  if (ownValue !== undefined) patch[own] = ownValue;
  const cost = given(ctx, "cost");
  if (cost !== undefined) patch.cost = cost;
  return patch;
}

/** `mapping …` and `threshold …`. @internal */
function ruleCommands(kind: "mapping" | "threshold"): Command[] {
  const plural = kind === "mapping" ? "mappings" : "thresholds";
  const idName = kind === "mapping" ? "MAPPING_ID" : "THRESHOLD_ID";
  const title = kind === "mapping" ? "Mapping ID" : "Threshold ID";
  const ref = (ctx: Ctx) =>
    (kind === "mapping" ? { mappingId: arg(ctx, idName) } : { thresholdId: arg(ctx, idName) }) as unknown as {
      mappingId: string;
    } & { thresholdId: string };
  const own = kind === "mapping" ? "value" : "level";
  const rules = async (ctx: Ctx) => (await ctx.setup())[plural];
  const ownOption = kind === "mapping" ? opt("value", "Value") : opt("level", "Threshold level", "l");
  return [
    {
      name: `${kind} list`,
      summary: `List hashmap ${plural} (give -s, --field-id or -g; or --no-group / --all for every service)`,
      options: LIST,
      run: async (ctx) => ckList(kind, await (await rules(ctx)).list(listFilter(ctx))),
    },
    {
      name: `${kind} get`,
      summary: `Get a hashmap ${kind}`,
      positionals: [{ name: idName, help: title }],
      run: async (ctx) => ckList(kind, [await (await rules(ctx)).get(ref(ctx))]),
    },
    {
      name: `${kind} create`,
      summary:
        kind === "mapping"
          ? "Create a hashmap mapping: COST (a float, as cloudkitty reads it), -s or --field-id with --value"
          : "Create a hashmap threshold: LEVEL and COST (a float), -s or --field-id",
      positionals:
        kind === "mapping"
          ? [{ name: "COST", help: "Cost" }]
          : [
              { name: "LEVEL", help: "Threshold level" },
              { name: "COST", help: "Cost" },
            ],
      options: [
        ...PARENTS,
        opt("type", "Mapping type (flat or rate; default flat)", "t"),
        ...(kind === "mapping" ? [ownOption] : []),
      ],
      run: async (ctx) => {
        const cost = pythonFloat("cost", arg(ctx, "COST"));
        const hm = await ctx.setup();
        if (kind === "threshold") {
          const input = { ...createFields(ctx), level: arg(ctx, "LEVEL"), cost };
          return ckList(kind, [await hm.thresholds.create(input)]);
        }
        const input = { ...createFields(ctx), value: given(ctx, "value") ?? null, cost };
        return ckList(kind, [await hm.mappings.create(input)]);
      },
    },
    {
      name: `${kind} update`,
      summary: `Update a hashmap ${kind} (what is not given keeps its value)`,
      positionals: [{ name: idName, help: title }],
      options: [...PARENTS, ownOption, opt("cost", "Cost"), UNGROUP],
      run: async (ctx) => {
        const patch = patchOf(ctx, own);
        const client = await rules(ctx);
        // Nothing to change: cloudkitty PUTs the rule as it read it, which changes nothing.
        if (Object.keys(patch).length === 0) return ckList(kind, [await client.get(ref(ctx))]);
        return ckList(kind, [await client.update({ ...ref(ctx), patch })]);
      },
    },
    {
      name: `${kind} delete`,
      shows: "none",
      summary: `Delete a hashmap ${kind}`,
      positionals: [{ name: idName, help: title }],
      run: async (ctx) => {
        await (await rules(ctx)).delete(ref(ctx));
        return DONE;
      },
    },
  ];
}

/** `mapping list|get|create|update|delete`, `threshold …` likewise. @internal */
export const COMPAT_RULE_COMMANDS: Command[] = [...ruleCommands("mapping"), ...ruleCommands("threshold")];
