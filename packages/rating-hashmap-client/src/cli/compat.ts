/**
 * `cloudkitty hashmap …` as python-cloudkittyclient 4.6 spells it (`cloudkittyclient/v1/rating/hashmap_cli.py`
 * and the `cloudkittyclient_v1` entry points), so an operator's script runs with only the program's name
 * changed: the same subcommands (singular nouns), positionals, options and column titles. Every command
 * also answers with a leading `hashmap` (`hashmap hashmap service list`, the line with `cloudkitty` replaced).
 * The services, fields, groups and types; mappings and thresholds are in `compat-rules.ts`.
 */
import type { CommandContext, CommandSpec } from "@meterkit/core/cli";
import type { HashMapClient } from "../client.js";
import { ckList, DONE } from "./results.js";

/** What the CLI's commands get from `setup`: the client, built (and its modules loaded) on first use. @internal */
export type Ctx = CommandContext<Promise<HashMapClient>>;
/** @internal */
export type Command = CommandSpec<Promise<HashMapClient>>;

/** A positional's value. @internal */
export const arg = (ctx: Ctx, name: string) => ctx.positionals[name] as string;

/**
 * The command also spelt with cloudkitty's `hashmap` group word in front; it prints a list (every cloudkitty
 * hashmap command that prints is a cliff `Lister`, so `-f shell` is refused and the sort options taken; the
 * deletes print nothing and take no formatter option).
 * @internal
 */
export function withGroupWord(command: Command): Command {
  const shows = command.shows ?? "list";
  return { ...command, shows, aliases: [`hashmap ${command.name}`, ...(command.aliases ?? [])] };
}

const one = (name: string, help: string) => [{ name, help }];

/** `service …`, `field …`, `group …`, `mapping-types list`. @internal */
export const COMPAT_COMMANDS: Command[] = [
  {
    name: "mapping-types list",
    summary: "Get hashmap mapping types (cloudkitty's form; column 'Mapping types')",
    run: async (ctx) => {
      const types = await (await ctx.setup()).mapTypes.list();
      return {
        json: types.map((t) => ({ "Mapping types": t })),
        table: { columns: ["Mapping types"], rows: types.map((t) => [t]) },
      };
    },
  },
  {
    name: "service list",
    summary: "List hashmap services (columns Name, Service ID)",
    run: async (ctx) => ckList("service", await (await ctx.setup()).services.list()),
  },
  {
    name: "service get",
    summary: "Get a hashmap service",
    positionals: one("SERVICE_ID", "Service ID"),
    run: async (ctx) =>
      ckList("service", [await (await ctx.setup()).services.get({ serviceId: arg(ctx, "SERVICE_ID") })]),
  },
  {
    name: "service create",
    summary: "Create a hashmap service (NAME is the collected service, e.g. instance)",
    positionals: one("NAME", "Service Name"),
    run: async (ctx) =>
      ckList("service", [await (await ctx.setup()).services.create({ name: arg(ctx, "NAME") })]),
  },
  {
    name: "service delete",
    shows: "none",
    summary: "Delete a hashmap service (with its fields and rules)",
    positionals: one("SERVICE_ID", "Service ID"),
    run: async (ctx) => {
      await (await ctx.setup()).services.delete({ serviceId: arg(ctx, "SERVICE_ID") });
      return DONE;
    },
  },
  {
    name: "field list",
    summary: "List hashmap fields for the given service (columns Name, Field ID, Service ID)",
    positionals: one("SERVICE_ID", "Service ID"),
    run: async (ctx) =>
      ckList("field", await (await ctx.setup()).fields.list({ serviceId: arg(ctx, "SERVICE_ID") })),
  },
  {
    name: "field get",
    summary: "Get a hashmap field",
    positionals: one("FIELD_ID", "Field ID"),
    run: async (ctx) =>
      ckList("field", [await (await ctx.setup()).fields.get({ fieldId: arg(ctx, "FIELD_ID") })]),
  },
  {
    name: "field create",
    summary: "Create a hashmap field (NAME is a key of the usage's desc, e.g. flavor_id)",
    positionals: [...one("SERVICE_ID", "Service ID"), ...one("NAME", "Field name")],
    run: async (ctx) => {
      const input = { service_id: arg(ctx, "SERVICE_ID"), name: arg(ctx, "NAME") };
      return ckList("field", [await (await ctx.setup()).fields.create(input)]);
    },
  },
  {
    name: "field delete",
    shows: "none",
    summary: "Delete a hashmap field (with its rules)",
    positionals: one("FIELD_ID", "Field ID"),
    run: async (ctx) => {
      await (await ctx.setup()).fields.delete({ fieldId: arg(ctx, "FIELD_ID") });
      return DONE;
    },
  },
  {
    name: "group list",
    summary: "List existing hashmap groups (columns Name, Group ID)",
    run: async (ctx) => ckList("group", await (await ctx.setup()).groups.list()),
  },
  {
    name: "group create",
    summary: "Create a hashmap group",
    positionals: one("NAME", "Group Name"),
    run: async (ctx) =>
      ckList("group", [await (await ctx.setup()).groups.create({ name: arg(ctx, "NAME") })]),
  },
  {
    name: "group delete",
    shows: "none",
    summary: "Delete a hashmap group (its rules stay, ungrouped, unless --recursive)",
    positionals: one("GROUP_ID", "Group ID"),
    options: [{ name: "recursive", type: "boolean", help: "Delete mappings recursively" }],
    run: async (ctx) => {
      const input = { groupId: arg(ctx, "GROUP_ID"), recursive: ctx.options.recursive === true };
      await (await ctx.setup()).groups.delete(input);
      return DONE;
    },
  },
  {
    name: "group mappings get",
    summary: "Get all hashmap mappings for the given group",
    positionals: one("GROUP_ID", "Group ID"),
    run: async (ctx) =>
      ckList("mapping", await (await ctx.setup()).groups.mappings({ groupId: arg(ctx, "GROUP_ID") })),
  },
  {
    name: "group thresholds get",
    summary: "Get all thresholds for the given group",
    positionals: one("GROUP_ID", "Group ID"),
    run: async (ctx) =>
      ckList("threshold", await (await ctx.setup()).groups.thresholds({ groupId: arg(ctx, "GROUP_ID") })),
  },
];
