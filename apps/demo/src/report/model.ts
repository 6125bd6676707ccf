/** The machine-readable report (`report.json`): what each step did, against which service, with which numbers. */

/** Where a step's service ran. */
export type ServiceKind = "stand-in" | "real" | "local" | "none";

/** A service the demo talked to. */
export interface ServiceInfo {
  name: "almanach" | "cloudkitty" | "waldur" | "sla-catalog";
  kind: ServiceKind;
  /** Base URL (no credentials), or null when the service was not used. */
  url: string | null;
  /** How the demo authenticated. */
  auth: string;
  /** Why it was not used, when it was not. */
  note?: string;
}

/** One step of the flow. */
export interface StepRecord {
  id: "inventory" | "metrics" | "ledger" | "rating" | "catalog" | "allocation" | "report";
  title: string;
  status: "ok" | "failed" | "skipped";
  /** The service the step ran against, when it has one. */
  service: ServiceInfo["name"] | null;
  durationMs: number;
  /** One line for the summary. */
  summary: string;
}

/** A usage record in CloudKitty's quote shape. */
export interface UsageRecordJson {
  service: string;
  volume: string;
  desc: { metadata: Record<string, string | number> };
}

/** Everything in the report. */
export interface DemoReport {
  version: 1;
  runId: string;
  month: string;
  generatedAt: string;
  services: ServiceInfo[];
  steps: StepRecord[];
  inventory?: InventoryResult;
  metrics?: MetricsResult;
  ledger?: LedgerResult;
  rating?: RatingResult;
  catalog?: CatalogResult;
  allocation?: AllocationResult;
}

/** Step 1. */
export interface InventoryResult {
  counts: Record<string, number>;
  /** Size of the serialized inventory (JSON bytes). */
  bytes: number;
  /** The first serialized server, as the connector returns it to CMP. */
  sample: unknown;
}

/** Step 2. */
export interface MetricsResult {
  mappingKeys: string[];
  conversions: {
    key: string;
    name: string;
    unit: string;
    counter: boolean;
    raw: Record<string, number | string>;
    value: number | string | null;
  }[];
  /** Month totals for Waldur, converted through the mapping. */
  waldurUsage: { type: string; amount: string }[];
}

/** Step 3. */
export interface LedgerResult {
  volumeTypeId: string;
  eventsWritten: number;
  tenants: {
    tenant: string;
    tenantId: string;
    /** Rows Almanach returned for the month (one per entity version). */
    rows: number;
    instances: string[];
    volumes: string[];
  }[];
}

/** Step 4. */
export interface RatingResult {
  engine: "cloudkitty+local" | "local";
  /** Why CloudKitty was not used, when it was not. */
  cloudkittyNote?: string;
  rules: {
    services: { name: string; id: string }[];
    groups: { name: string; id: string }[];
    mappings: number;
    thresholds: number;
  };
  tenants: {
    tenant: string;
    tenantId: string;
    records: UsageRecordJson[];
    /** CloudKitty's `POST /v1/rating/quote` for all the month's records, as returned; null without CloudKitty. */
    cloudkitty: string | null;
    /** The local engine's price of the same records. */
    local: string;
    match: boolean | null;
    /** Cost per day (local engine, per record, summed), `YYYY-MM-DD` → decimal string. */
    daily: Record<string, string>;
  }[];
}

/** Step 5. */
export interface CatalogResult {
  partyId: number;
  partyStatus: string;
  productId: number;
  templateId: string;
  offerId: number;
  unitResources: { id: number; name: string; priceId: number; value: string; guaranteeIds: number[] }[];
  variableFeeId: number;
  guaranteeId: number;
}

/** Step 6. */
export interface AllocationResult {
  approvedOrders: { uuid: string; state: string }[];
  backendIds: { resourceUuid: string; backendId: string }[];
  usages: { resourceUuid: string; planPeriodUuid: string; type: string; amount: string }[];
  offeringUser: { uuid: string; userUuid: string; username: string | null } | null;
}
