/** The `almanach` commands: the reference's names, arguments and output (plus the documented fixes). */
import {
  type CommandContext,
  type CommandResult,
  type CommandSpec,
  type OptionSpec,
  UsageError,
} from "@meterkit/core/cli";
import type { Connection } from "./connection.js";
import { dateCell, imageMetaCell, instanceRow, propertiesCell, volumeRow } from "./format.js";
import { USAGE_COMMAND } from "./usage-command.js";

type Command = CommandSpec<Connection>;
type Context = CommandContext<Connection>;

const ok = (): CommandResult => ({ text: "Success", json: { success: true } });
const arg = (c: Context, name: string): string => (c.positionals[name] as string | undefined) ?? "";
const opt = (c: Context, name: string): string | undefined => c.options[name] as string | undefined;
const list = (c: Context, name: string): string[] => [...((c.options[name] as string[] | undefined) ?? [])];

/** Sizes are sent as integers (the reference sent the argument string, `"size": "5"`). */
function size(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
}

const date = (name: string, help: string): OptionSpec => ({ name, valueName: "DATE", help });
const ATTACHMENT: OptionSpec = {
  name: "attachment",
  valueName: "INSTANCE_ID",
  multiple: true,
  help: "An attached instance id (repeat for several)",
};

const ENTITY_COLUMNS = ["Type", "Name", "Start", "End", "Properties"];

/** Every command, in the order `--help` lists them. @internal */
export const COMMANDS: readonly Command[] = [
  {
    name: "version",
    summary: "Show the Almanach server version",
    async run(c) {
      const info = await c.setup().client.info.get();
      return { text: info.info.version, json: info };
    },
  },
  {
    name: "endpoint",
    summary: "Show the Almanach API URL",
    async run(c) {
      const url = await c.setup().endpointUrl();
      return { text: url, json: { url } };
    },
  },
  USAGE_COMMAND,
  {
    name: "list-entities",
    summary: "List instances and volumes of a tenant",
    positionals: [{ name: "tenant_id" }, { name: "start", help: "Start of the period (DATE)" }],
    options: [date("end", "End of the period (default: the server's now)")],
    async run(c) {
      const rows = await c.setup().client.entities.list({
        tenantId: arg(c, "tenant_id"),
        start: arg(c, "start"),
        end: opt(c, "end"),
      });
      const cells = rows.map((e) => [
        e.entityId,
        e.entityType,
        e.name,
        dateCell(e.start),
        dateCell(e.end),
        propertiesCell(e),
      ]);
      return { table: { columns: ["Entity ID", ...ENTITY_COLUMNS], rows: cells }, json: rows };
    },
  },
  {
    name: "get-entity",
    summary: "Show every row of one entity",
    positionals: [{ name: "entity_id" }],
    async run(c) {
      const rows = await c.setup().client.entities.get({ entityId: arg(c, "entity_id") });
      const cells = rows.map((e) => [
        e.projectId,
        e.entityType,
        e.name,
        dateCell(e.start),
        dateCell(e.end),
        propertiesCell(e),
      ]);
      return { table: { columns: ["Tenant ID", ...ENTITY_COLUMNS], rows: cells }, json: rows };
    },
  },
  {
    name: "list-instances",
    summary: "List instances of a tenant",
    positionals: [{ name: "tenant_id" }, { name: "start" }, { name: "end" }],
    async run(c) {
      const rows = await c.setup().client.instances.list({
        tenantId: arg(c, "tenant_id"),
        start: arg(c, "start"),
        end: arg(c, "end"),
      });
      const columns = ["Instance ID", "Name", "Start", "End", "Flavor", "Image Meta"];
      return { table: { columns, rows: rows.map(instanceRow) }, json: rows };
    },
  },
  {
    name: "create-instance",
    summary: "Create an instance",
    positionals: [
      { name: "tenant_id" },
      { name: "instance_id" },
      { name: "name" },
      { name: "flavor" },
      { name: "start" },
    ],
    options: [
      {
        name: "image-meta",
        valueName: "JSON",
        help: `Image metadata, e.g. '{"distro": "centos", "version": "7", "type": "linux"}'`,
      },
    ],
    async run(c) {
      const meta = opt(c, "image-meta");
      await c.setup().client.instances.create({
        tenantId: arg(c, "tenant_id"),
        instanceId: arg(c, "instance_id"),
        name: arg(c, "name"),
        flavor: arg(c, "flavor"),
        start: arg(c, "start"),
        imageMeta: meta === undefined ? undefined : parseImageMeta(meta),
      });
      return ok();
    },
  },
  {
    name: "update-instance",
    // The reference registered the two-word `update instance`; `update-instance` is what it documented.
    aliases: ["update instance"],
    summary: "Update the active row of an instance",
    positionals: [{ name: "instance_id" }],
    options: [
      date("start", "New start date"),
      date("end", "New end date"),
      { name: "name", valueName: "NAME", help: "New name" },
      { name: "flavor", valueName: "FLAVOR", help: "New flavor" },
    ],
    async run(c) {
      const fields = {
        name: opt(c, "name"),
        flavor: opt(c, "flavor"),
        startDate: opt(c, "start"),
        endDate: opt(c, "end"),
      };
      if (Object.values(fields).every((v) => v === undefined)) {
        throw new UsageError("update-instance needs at least one of --start, --end, --name, --flavor");
      }
      const e = await c
        .setup()
        .client.entities.updateInstance({ instanceId: arg(c, "instance_id"), ...fields });
      return {
        fields: [
          ["Tenant ID", e.projectId],
          ["Instance ID", e.entityId],
          ["Start", dateCell(e.start)],
          ["End", dateCell(e.end)],
          ["Name", e.name],
          ["Flavor", e.flavor],
          ["Image", imageMetaCell(e.imageMeta)],
        ],
        json: e,
      };
    },
  },
  {
    name: "delete-instance",
    summary: "Close an instance",
    positionals: [{ name: "instance_id" }],
    options: [date("end", "End date (default: now)")],
    async run(c) {
      await c.setup().client.instances.delete({ instanceId: arg(c, "instance_id"), end: opt(c, "end") });
      return ok();
    },
  },
  {
    name: "resize-instance",
    summary: "Change the flavor of an instance",
    positionals: [{ name: "instance_id" }, { name: "flavor" }],
    options: [date("date", "Resize date (default: now)")],
    async run(c) {
      await c.setup().client.instances.resize({
        instanceId: arg(c, "instance_id"),
        flavor: arg(c, "flavor"),
        resizeDate: opt(c, "date"),
      });
      return ok();
    },
  },
  {
    name: "list-volumes",
    summary: "List volumes of a tenant",
    positionals: [{ name: "tenant_id" }, { name: "start" }, { name: "end" }],
    async run(c) {
      const rows = await c.setup().client.volumes.list({
        tenantId: arg(c, "tenant_id"),
        start: arg(c, "start"),
        end: arg(c, "end"),
      });
      const columns = ["Volume ID", "Name", "Start", "End", "Type", "Size", "Attachments"];
      return { table: { columns, rows: rows.map(volumeRow) }, json: rows };
    },
  },
  {
    name: "create-volume",
    summary: "Create a volume",
    positionals: [
      { name: "tenant_id" },
      { name: "volume_id" },
      { name: "volume_type_id" },
      { name: "volume_name" },
      { name: "volume_size", help: "Size in GB" },
    ],
    // The reference's docs spell it --date (python-almanachclient's README); both are accepted.
    options: [{ ...date("start", "Start date (default: now)"), aliases: ["date"] }, ATTACHMENT],
    async run(c) {
      await c.setup().client.volumes.create({
        tenantId: arg(c, "tenant_id"),
        volumeId: arg(c, "volume_id"),
        volumeTypeId: arg(c, "volume_type_id"),
        name: arg(c, "volume_name"),
        size: size(arg(c, "volume_size")),
        attachments: list(c, "attachment"),
        start: opt(c, "start"),
      });
      return ok();
    },
  },
  {
    name: "delete-volume",
    summary: "Close a volume",
    positionals: [{ name: "volume_id" }],
    options: [date("end", "End date (default: now)")],
    async run(c) {
      await c.setup().client.volumes.delete({ volumeId: arg(c, "volume_id"), end: opt(c, "end") });
      return ok();
    },
  },
  {
    name: "resize-volume",
    summary: "Change the size of a volume",
    positionals: [{ name: "volume_id" }, { name: "size", help: "Size in GB" }],
    options: [date("date", "Resize date (default: now)")],
    async run(c) {
      await c.setup().client.volumes.resize({
        volumeId: arg(c, "volume_id"),
        size: size(arg(c, "size")),
        resizeDate: opt(c, "date"),
      });
      return ok();
    },
  },
  ...(["attach", "detach"] as const).map(
    (action): Command => ({
      name: `${action}-volume`,
      summary: action === "attach" ? "Attach instances to a volume" : "Detach instances from a volume",
      description: action === "detach" ? "--attachment lists the instances that remain attached." : undefined,
      positionals: [{ name: "volume_id" }],
      options: [
        date("date", `${action === "attach" ? "Attachment" : "Detachment"} date (default: now)`),
        ATTACHMENT,
      ],
      async run(c) {
        const volumes = c.setup().client.volumes;
        const input = {
          volumeId: arg(c, "volume_id"),
          attachments: list(c, "attachment"),
          attachmentDate: opt(c, "date"),
        };
        await (action === "attach" ? volumes.attach(input) : volumes.detach(input));
        return ok();
      },
    }),
  ),
  {
    name: "list-volume-types",
    summary: "List volume types",
    async run(c) {
      const rows = await c.setup().client.volumeTypes.list();
      const cells = rows.map((t) => [t.volumeTypeId, t.volumeTypeName]);
      return { table: { columns: ["Volume Type ID", "Volume Type Name"], rows: cells }, json: rows };
    },
  },
  {
    name: "get-volume-type",
    summary: "Show a volume type",
    positionals: [{ name: "volume_type_id" }],
    async run(c) {
      const t = await c.setup().client.volumeTypes.get({ volumeTypeId: arg(c, "volume_type_id") });
      return {
        fields: [
          ["Volume Type ID", t.volumeTypeId],
          ["Volume Type Name", t.volumeTypeName],
        ],
        json: t,
      };
    },
  },
  {
    name: "create-volume-type",
    summary: "Create a volume type",
    positionals: [{ name: "volume_type_id" }, { name: "volume_type_name" }],
    async run(c) {
      await c.setup().client.volumeTypes.create({
        volumeTypeId: arg(c, "volume_type_id"),
        volumeTypeName: arg(c, "volume_type_name"),
      });
      return ok();
    },
  },
  {
    name: "delete-volume-type",
    summary: "Delete a volume type",
    positionals: [{ name: "volume_type_id" }],
    async run(c) {
      await c.setup().client.volumeTypes.delete({ volumeTypeId: arg(c, "volume_type_id") });
      return ok();
    },
  },
];

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
