/**
 * `almanach usage TENANT START END [--by hour|day|month] [--time-zone ZONE] [--by-os]`: the entities of a
 * tenant turned into usage by {@link computeUsage}, for operators (`--format table|json|csv`).
 */
import type { CommandContext, CommandSpec } from "@meterkit/core/cli";
import { UsageError } from "@meterkit/core/cli";
import { toInstant } from "../dates.js";
import { computeUsage, type Usage } from "../usage/compute.js";
import type { Connection } from "./connection.js";

type Context = CommandContext<Connection>;

function dateArg(c: Context, name: string): Date {
  const text = (c.positionals[name] as string | undefined) ?? "";
  const instant = toInstant(text);
  if (!instant) throw new UsageError(`${name.toUpperCase()} is not a date: '${text}'`);
  return new Date(instant.ms);
}

function dimension(u: Usage): string {
  if (u.entityType === "instance")
    return u.os ? `${u.flavor} ${u.os.distro ?? "-"} ${u.os.version ?? "-"} ${u.os.type ?? "-"}` : u.flavor;
  return `${u.volumeType ?? "None"} ${u.sizeGb}GB ${u.attached ? "attached" : "detached"}`;
}

const by = ["hour", "day", "month", "period"] as const;

/** The usage command. @internal */
export const USAGE_COMMAND: CommandSpec<Connection> = {
  name: "usage",
  summary: "Usage of a tenant over a period: instance hours by flavor, volume GB-hours by type",
  positionals: [
    { name: "tenant_id" },
    { name: "start", help: "Start of the period (DATE, inclusive)" },
    { name: "end", help: "End of the period (DATE, exclusive)" },
  ],
  options: [
    { name: "by", valueName: "hour|day|month|period", help: "Bucket size", defaultText: "period" },
    { name: "time-zone", valueName: "ZONE", help: "IANA time zone of the buckets", defaultText: "UTC" },
    { name: "by-os", type: "boolean", help: "Also split instances by image metadata" },
  ],
  async run(c) {
    const size = (c.options.by as string | undefined) ?? "period";
    if (!(by as readonly string[]).includes(size))
      throw new UsageError(`--by must be hour, day, month or period`);
    const from = dateArg(c, "start");
    const to = dateArg(c, "end");
    const tenantId = (c.positionals.tenant_id as string | undefined) ?? "";
    // The server's list keeps rows active at any time of [start, end]: every row that can bill in the period.
    const rows = await c.setup().client.entities.list({ tenantId, start: from, end: to });
    const usage = computeUsage(rows, {
      from,
      to,
      by: size as (typeof by)[number],
      timeZone: (c.options["time-zone"] as string | undefined) ?? "UTC",
      byOs: c.options["by-os"] === true,
    });
    const cells = usage.map((u) => [
      u.bucketStart.toISOString(),
      u.entityId,
      u.entityType,
      u.name,
      dimension(u),
      u.seconds,
      u.entityType === "instance" ? u.hours.value : u.gbHours.value,
      u.entityType === "instance" ? "hours" : "GB-hours",
    ]);
    const columns = ["Bucket", "Entity ID", "Type", "Name", "Dimension", "Seconds", "Quantity", "Unit"];
    return { table: { columns, rows: cells }, json: usage };
  },
};
