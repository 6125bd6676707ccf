/**
 * The Waldur stand-in of apps/sandbox, loaded from its source (the sandbox is a private app, not a
 * dependency of this package). Only the part of its API these tests use is typed here.
 */
export interface WaldurStandIn {
  url: string;
  token: string;
  data: {
    resources: {
      uuid: string;
      name: string;
      state: string;
      backend_id: string;
      report: unknown;
      offering_uuid: string;
    }[];
    orders: { uuid: string; resource_uuid: string; state: string }[];
    orderItems: { uuid: string; resource_uuid: string; state: string }[];
    planPeriods: { uuid: string; resource_uuid: string; usages: { type: string; usage: string }[] }[];
    offeringUsers: { offering_uuid: string; user_uuid: string; username: string | null }[];
    users: { uuid: string }[];
  };
  close(): Promise<void>;
}

export interface StartOptions {
  extraResources?: number;
  maxPageSize?: number;
  generation?: "current" | "legacy";
}

const source = new URL("../../../../apps/sandbox/src/waldur/index.ts", import.meta.url).href;

export async function startWaldur(options: StartOptions = {}): Promise<WaldurStandIn> {
  const module = (await import(/* @vite-ignore */ source)) as {
    startWaldur(o: StartOptions): Promise<WaldurStandIn>;
  };
  return module.startWaldur(options);
}
