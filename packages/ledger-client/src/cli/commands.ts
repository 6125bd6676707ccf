/** The `almanach` commands: the reference's names, arguments and output (plus the documented fixes). */
import type { AlmanachClient } from "../client.js";
import { dateCell, imageMetaCell, instanceRow, propertiesCell, volumeRow } from "./format.js";
import { renderList, renderShow } from "./table.js";

/** What a command produced: the table or line to print, and the data for `--format json`. @internal */
export interface CommandOutput {
  text: string;
  json: unknown;
}

/** Parsed arguments of one command. @internal */
export interface CommandArgs {
  positionals: Record<string, string>;
  options: Record<string, string | string[] | undefined>;
}

/** One command. @internal */
export interface Command {
  name: string;
  summary: string;
  positionals: readonly string[];
  options: readonly string[];
  /** `endpoint` only needs the URL; every other command gets a client. */
  run(client: AlmanachClient, args: CommandArgs): Promise<CommandOutput>;
}

const ok = (): CommandOutput => ({ text: "Success\n", json: { success: true } });
const one = (a: CommandArgs, name: string): string => a.positionals[name] ?? "";
const opt = (a: CommandArgs, name: string): string | undefined => a.options[name] as string | undefined;
const list = (a: CommandArgs, name: string): string[] => (a.options[name] as string[] | undefined) ?? [];

/** Sizes are sent as integers (the reference sent the argument string, `"size": "5"`). */
function size(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
}

const ENTITY_COLUMNS = ["Type", "Name", "Start", "End", "Properties"];

/** Every command, in the order `--help` lists them. @internal */
export const COMMANDS: readonly Command[] = [
  {
    name: "version",
    summary: "Show the Almanach server version",
    positionals: [],
    options: [],
    async run(c) {
      const info = await c.getInfo();
      return { text: `${info.info.version}\n`, json: info };
    },
  },
  {
    name: "list-entities",
    summary: "List instances and volumes of a tenant",
    positionals: ["tenant_id", "start"],
    options: ["end"],
    async run(c, a) {
      const rows = await c.getTenantEntities({
        tenantId: one(a, "tenant_id"),
        start: one(a, "start"),
        end: opt(a, "end"),
      });
      const cells = rows.map((e) => [
        e.entityId,
        e.entityType,
        e.name,
        dateCell(e.start),
        dateCell(e.end),
        propertiesCell(e),
      ]);
      return { text: renderList(["Entity ID", ...ENTITY_COLUMNS], cells), json: rows };
    },
  },
  {
    name: "get-entity",
    summary: "Show every row of one entity",
    positionals: ["entity_id"],
    options: [],
    async run(c, a) {
      const rows = await c.getEntity(one(a, "entity_id"));
      const cells = rows.map((e) => [
        e.projectId,
        e.entityType,
        e.name,
        dateCell(e.start),
        dateCell(e.end),
        propertiesCell(e),
      ]);
      return { text: renderList(["Tenant ID", ...ENTITY_COLUMNS], cells), json: rows };
    },
  },
  {
    name: "list-instances",
    summary: "List instances of a tenant",
    positionals: ["tenant_id", "start", "end"],
    options: [],
    async run(c, a) {
      const rows = await c.getInstances({
        tenantId: one(a, "tenant_id"),
        start: one(a, "start"),
        end: one(a, "end"),
      });
      const columns = ["Instance ID", "Name", "Start", "End", "Flavor", "Image Meta"];
      return { text: renderList(columns, rows.map(instanceRow)), json: rows };
    },
  },
  {
    name: "create-instance",
    summary: "Create an instance",
    positionals: ["tenant_id", "instance_id", "name", "flavor", "start"],
    options: ["image-meta"],
    async run(c, a) {
      const meta = opt(a, "image-meta");
      await c.createInstance({
        tenantId: one(a, "tenant_id"),
        instanceId: one(a, "instance_id"),
        name: one(a, "name"),
        flavor: one(a, "flavor"),
        start: one(a, "start"),
        imageMeta: meta === undefined ? undefined : parseImageMeta(meta),
      });
      return ok();
    },
  },
  {
    name: "update-instance",
    summary: "Update the active row of an instance (also spelled `update instance`)",
    positionals: ["instance_id"],
    options: ["start", "end", "name", "flavor"],
    async run(c, a) {
      const fields = {
        name: opt(a, "name"),
        flavor: opt(a, "flavor"),
        startDate: opt(a, "start"),
        endDate: opt(a, "end"),
      };
      if (Object.values(fields).every((v) => v === undefined)) {
        throw new UsageError("update-instance needs at least one of --start, --end, --name, --flavor");
      }
      const e = await c.updateInstanceEntity({ instanceId: one(a, "instance_id"), ...fields });
      const show = renderShow([
        ["Tenant ID", e.projectId],
        ["Instance ID", e.entityId],
        ["Start", dateCell(e.start)],
        ["End", dateCell(e.end)],
        ["Name", e.name],
        ["Flavor", e.flavor],
        ["Image", imageMetaCell(e.imageMeta)],
      ]);
      return { text: show, json: e };
    },
  },
  {
    name: "delete-instance",
    summary: "Close an instance (default end: now)",
    positionals: ["instance_id"],
    options: ["end"],
    async run(c, a) {
      await c.deleteInstance({ instanceId: one(a, "instance_id"), end: opt(a, "end") });
      return ok();
    },
  },
  {
    name: "resize-instance",
    summary: "Change the flavor of an instance (default date: now)",
    positionals: ["instance_id", "flavor"],
    options: ["date"],
    async run(c, a) {
      await c.resizeInstance({
        instanceId: one(a, "instance_id"),
        flavor: one(a, "flavor"),
        resizeDate: opt(a, "date"),
      });
      return ok();
    },
  },
  {
    name: "list-volumes",
    summary: "List volumes of a tenant",
    positionals: ["tenant_id", "start", "end"],
    options: [],
    async run(c, a) {
      const rows = await c.getVolumes({
        tenantId: one(a, "tenant_id"),
        start: one(a, "start"),
        end: one(a, "end"),
      });
      const columns = ["Volume ID", "Name", "Start", "End", "Type", "Size", "Attachments"];
      return { text: renderList(columns, rows.map(volumeRow)), json: rows };
    },
  },
  {
    name: "create-volume",
    summary: "Create a volume (default start: now)",
    positionals: ["tenant_id", "volume_id", "volume_type_id", "volume_name", "volume_size"],
    options: ["start", "attachment"],
    async run(c, a) {
      await c.createVolume({
        tenantId: one(a, "tenant_id"),
        volumeId: one(a, "volume_id"),
        volumeTypeId: one(a, "volume_type_id"),
        name: one(a, "volume_name"),
        size: size(one(a, "volume_size")),
        attachments: list(a, "attachment"),
        start: opt(a, "start"),
      });
      return ok();
    },
  },
  {
    name: "delete-volume",
    summary: "Close a volume (default end: now)",
    positionals: ["volume_id"],
    options: ["end"],
    async run(c, a) {
      await c.deleteVolume({ volumeId: one(a, "volume_id"), end: opt(a, "end") });
      return ok();
    },
  },
  {
    name: "resize-volume",
    summary: "Change the size of a volume (default date: now)",
    positionals: ["volume_id", "size"],
    options: ["date"],
    async run(c, a) {
      await c.resizeVolume({
        volumeId: one(a, "volume_id"),
        size: size(one(a, "size")),
        resizeDate: opt(a, "date"),
      });
      return ok();
    },
  },
  ...(["attach", "detach"] as const).map(
    (action): Command => ({
      name: `${action}-volume`,
      summary:
        action === "attach"
          ? "Attach instances to a volume"
          : "Detach instances (--attachment: those that remain)",
      positionals: ["volume_id"],
      options: ["date", "attachment"],
      async run(c, a) {
        const input = {
          volumeId: one(a, "volume_id"),
          attachments: list(a, "attachment"),
          attachmentDate: opt(a, "date"),
        };
        await (action === "attach" ? c.attachVolume(input) : c.detachVolume(input));
        return ok();
      },
    }),
  ),
  {
    name: "list-volume-types",
    summary: "List volume types",
    positionals: [],
    options: [],
    async run(c) {
      const rows = await c.getVolumeTypes();
      const cells = rows.map((t) => [t.volumeTypeId, t.volumeTypeName]);
      return { text: renderList(["Volume Type ID", "Volume Type Name"], cells), json: rows };
    },
  },
  {
    name: "get-volume-type",
    summary: "Show a volume type",
    positionals: ["volume_type_id"],
    options: [],
    async run(c, a) {
      const t = await c.getVolumeType(one(a, "volume_type_id"));
      const show = renderShow([
        ["Volume Type ID", t.volumeTypeId],
        ["Volume Type Name", t.volumeTypeName],
      ]);
      return { text: show, json: t };
    },
  },
  {
    name: "create-volume-type",
    summary: "Create a volume type",
    positionals: ["volume_type_id", "volume_type_name"],
    options: [],
    async run(c, a) {
      await c.createVolumeType({
        volumeTypeId: one(a, "volume_type_id"),
        volumeTypeName: one(a, "volume_type_name"),
      });
      return ok();
    },
  },
  {
    name: "delete-volume-type",
    summary: "Delete a volume type",
    positionals: ["volume_type_id"],
    options: [],
    async run(c, a) {
      await c.deleteVolumeType(one(a, "volume_type_id"));
      return ok();
    },
  },
];

/** A command-line mistake: printed with a hint, exit status 2. @internal */
export class UsageError extends Error {}

function parseImageMeta(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(
      `--image-meta must be a JSON object, e.g. '{"distro": "centos", "version": "7", "type": "linux"}'`,
    );
  }
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new UsageError("--image-meta must be a JSON object");
  return value as Record<string, unknown>;
}
