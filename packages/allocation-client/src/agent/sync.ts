/** The usage and membership loops' one pass, over the offerings' live resources that have a backend id. */
import type { Resource } from "../schemas/resource.js";
import type { ProjectUser } from "../schemas/team.js";
import type { AgentContext } from "./context.js";
import { forEachBounded, messageOf } from "./run.js";

const REPORTABLE = ["OK", "Updating", "Terminating"] as const;

async function liveResources(a: AgentContext, states: readonly ("OK" | "Updating" | "Terminating")[]) {
  const out: Resource[] = [];
  const list = a.client.generation === "legacy" ? a.client.resources.list : a.client.resources.listAsProvider;
  for (const offering of a.offerings) {
    for await (const r of list({ offeringUuid: offering, state: states }, { signal: a.signal }))
      if (r.backend_id) out.push(r);
  }
  return out;
}

/**
 * Usage: the backend's totals for the period overwrite Waldur's value per component and plan period, so a
 * repeat (after a crash, or by the second agent) changes nothing. Unchanged values are not sent again.
 */
export async function usagePass(a: AgentContext): Promise<void> {
  const resources = await liveResources(a, REPORTABLE);
  await forEachBounded(resources, a.concurrency, async (r) => {
    if (a.signal.aborted) return;
    await reportUsage(a, r);
  });
}

/** One resource's usage report: the backend's totals into the open plan period, changed values only. */
export async function reportUsage(a: AgentContext, r: Resource): Promise<void> {
  const uuid = r.uuid ?? "";
  const usage = await a.backend.readUsage(r.backend_id ?? "", r);
  const periods = await a.client.resources.getPlanPeriods(
    { resourceUuid: uuid, view: a.view },
    { signal: a.signal },
  );
  const period = periods.find((p) => p.end === null) ?? periods.at(-1);
  if (!period) return;
  const reported = new Map((period.components ?? []).map((c) => [c.type, Number(c.usage)]));
  const changed = Object.entries(usage).filter(([type, amount]) => reported.get(type) !== amount);
  if (changed.length === 0 || a.dryRun) return;
  await a.client.componentUsages.create({
    planPeriodUuid: period.uuid ?? "",
    usages: changed.map(([type, amount]) => ({ type, amount })),
  });
  a.emit("info", {
    event: "usage.submitted",
    resource: uuid,
    planPeriod: period.uuid ?? "",
    usages: Object.fromEntries(changed),
  });
}

/** Membership: the resource's project team in Waldur is the truth; the backend follows it. */
export async function membershipPass(a: AgentContext): Promise<void> {
  const resources = await liveResources(a, ["OK"]);
  await forEachBounded(resources, a.concurrency, async (r) => {
    if (a.signal.aborted) return;
    const backendId = r.backend_id ?? "";
    const team = await a.client.resources.getTeam(
      { resourceUuid: r.uuid ?? "", view: a.view },
      { signal: a.signal },
    );
    const wanted = new Set<string>();
    for (const member of team)
      wanted.add(member.offering_user_username || (await offeringUser(a, r, member)));
    const present = new Set(await a.backend.listUsers(backendId));
    if (a.dryRun) return;
    for (const username of wanted) {
      if (present.has(username)) continue;
      await a.backend.addUser(backendId, username);
      a.emit("info", { event: "user.added", resource: r.uuid ?? "", username });
    }
    for (const username of present) {
      if (wanted.has(username)) continue;
      await a.backend.removeUser(backendId, username);
      a.emit("info", { event: "user.removed", resource: r.uuid ?? "", username });
    }
  });
}

/** The seed's `create_remote_offering_user`; one that already exists (a crash after creating it) is kept. */
async function offeringUser(a: AgentContext, r: Resource, member: ProjectUser): Promise<string> {
  const username = a.username(member);
  if (a.dryRun) return username;
  try {
    await a.client.offeringUsers.create({
      offering: r.offering_uuid ?? "",
      user: member.uuid ?? "",
      username,
    });
    a.emit("info", { event: "offering-user.created", user: member.uuid ?? "", username });
  } catch (error) {
    if (!messageOf(error).includes("unique set")) throw error;
  }
  return username;
}
