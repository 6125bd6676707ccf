/**
 * The simulated month: three tenants, their servers and volumes, and every lifecycle event (create, resize,
 * attach, detach, delete). Deterministic, so two runs tell the same story; ids carry the run id so that a
 * run against a real deployment never collides with an earlier one.
 */
import { FLAVORS, type Flavor } from "./prices.js";

/** A tenant (an OpenStack project). */
export interface Tenant {
  /** Display name. */
  name: string;
  /** The project id sent to the services (name plus run id). */
  id: string;
}

/** An instance the connector reports and Almanach tracks. */
export interface PlannedServer {
  id: string;
  name: string;
  tenant: string;
  flavor: Flavor;
  image: { id: string; name: string; distro: string; version: string; type: string };
  ip: string;
  city: string;
  country: string;
}

/** A block-storage volume. */
export interface PlannedVolume {
  id: string;
  name: string;
  tenant: string;
  sizeGb: number;
}

/** One change written to Almanach, in time order. */
export type LifecycleEvent =
  | { kind: "create-instance"; at: Date; server: PlannedServer }
  | { kind: "resize-instance"; at: Date; id: string; flavor: string }
  | { kind: "delete-instance"; at: Date; id: string }
  | { kind: "create-volume"; at: Date; volume: PlannedVolume; attachedTo: string[] }
  | { kind: "resize-volume"; at: Date; id: string; sizeGb: number }
  | { kind: "attach-volume"; at: Date; id: string; attachments: string[] }
  | { kind: "detach-volume"; at: Date; id: string; remaining: string[] }
  | { kind: "delete-volume"; at: Date; id: string };

/** The whole scenario. */
export interface Plan {
  runId: string;
  /** `YYYY-MM`. */
  month: string;
  start: Date;
  /** Exclusive: the first instant of the next month. */
  end: Date;
  days: string[];
  tenants: Tenant[];
  servers: PlannedServer[];
  volumes: PlannedVolume[];
  events: LifecycleEvent[];
}

const IMAGES = {
  ubuntu: { id: "img-ubuntu-2404", name: "Ubuntu 24.04", distro: "ubuntu", version: "24.04", type: "linux" },
  debian: { id: "img-debian-12", name: "Debian 12", distro: "debian", version: "12", type: "linux" },
  windows: {
    id: "img-win-2022",
    name: "Windows Server 2022",
    distro: "windows",
    version: "2022",
    type: "windows",
  },
};

function flavor(name: string): Flavor {
  const found = FLAVORS.find((f) => f.name === name);
  if (!found) throw new Error(`[@meterkit/demo] unknown flavor ${name}`);
  return found;
}

/** Builds the plan for `month` (`YYYY-MM`). Events fall on whole hours, so every usage quantity is exact. */
export function buildPlan(month: string, runId: string): Plan {
  const [year, mon] = month.split("-").map(Number) as [number, number];
  const start = new Date(Date.UTC(year, mon - 1, 1));
  const end = new Date(Date.UTC(year, mon, 1));
  const dayCount = Math.round((end.getTime() - start.getTime()) / 86_400_000);
  const days = Array.from({ length: dayCount }, (_, i) =>
    new Date(start.getTime() + i * 86_400_000).toISOString().slice(0, 10),
  );
  const at = (day: number, hour = 0) => new Date(start.getTime() + ((day - 1) * 24 + hour) * 3_600_000);
  const tenants: Tenant[] = ["acme", "globex", "initech"].map((name) => ({ name, id: `${name}-${runId}` }));
  const [acme, globex, initech] = tenants.map((t) => t.id) as [string, string, string];
  let ip = 10;
  const server = (
    tenant: string,
    name: string,
    f: string,
    image: keyof typeof IMAGES,
    city: string,
    country: string,
  ) => ({
    id: `${name}-${runId}`,
    name,
    tenant,
    flavor: flavor(f),
    image: IMAGES[image],
    ip: `10.0.0.${ip++}`,
    city,
    country,
  });
  const volume = (tenant: string, name: string, sizeGb: number) => ({
    id: `${name}-${runId}`,
    name,
    tenant,
    sizeGb,
  });
  const web = server(acme, "acme-web", "m1.small", "ubuntu", "Helsinki", "Finland");
  const db = server(acme, "acme-db", "m1.large", "debian", "Helsinki", "Finland");
  const app1 = server(globex, "globex-app-1", "m1.medium", "ubuntu", "Paris", "France");
  const app2 = server(globex, "globex-app-2", "m1.small", "windows", "Paris", "France");
  const batch1 = server(initech, "initech-batch-1", "m1.large", "debian", "Tartu", "Estonia");
  const batch2 = server(initech, "initech-batch-2", "m1.xlarge", "debian", "Tartu", "Estonia");
  const data = volume(acme, "acme-data", 50);
  const shared = volume(globex, "globex-shared", 20);
  const scratch = volume(initech, "initech-scratch", 200);
  const events: LifecycleEvent[] = [
    { kind: "create-instance", at: at(1), server: web },
    { kind: "create-instance", at: at(1, 6), server: app1 },
    { kind: "create-instance", at: at(3, 9), server: db },
    { kind: "create-volume", at: at(3, 9), volume: data, attachedTo: [db.id] },
    { kind: "create-instance", at: at(5, 12), server: app2 },
    { kind: "create-volume", at: at(5, 12), volume: shared, attachedTo: [] },
    { kind: "attach-volume", at: at(5, 13), id: shared.id, attachments: [app2.id] },
    { kind: "create-instance", at: at(8), server: batch1 },
    { kind: "create-volume", at: at(8), volume: scratch, attachedTo: [batch1.id] },
    { kind: "resize-instance", at: at(10, 12), id: web.id, flavor: "m1.medium" },
    { kind: "delete-instance", at: at(12, 18), id: batch1.id },
    { kind: "resize-volume", at: at(15), id: data.id, sizeGb: 120 },
    { kind: "create-instance", at: at(16), server: batch2 },
    { kind: "attach-volume", at: at(16, 1), id: scratch.id, attachments: [batch2.id] },
    { kind: "delete-instance", at: at(20, 8), id: app1.id },
    { kind: "delete-instance", at: at(22, 20), id: batch2.id },
    { kind: "delete-volume", at: at(22, 21), id: scratch.id },
    { kind: "detach-volume", at: at(25), id: shared.id, remaining: [] },
    { kind: "delete-volume", at: at(27), id: shared.id },
  ];
  return {
    runId,
    month,
    start,
    end,
    days,
    tenants,
    servers: [web, db, app1, app2, batch1, batch2],
    volumes: [data, shared, scratch],
    events,
  };
}

/** The month before `now`, as `YYYY-MM`: a whole month that is over. */
export function previousMonth(now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return d.toISOString().slice(0, 7);
}
