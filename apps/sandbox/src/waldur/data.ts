/**
 * The stand-in's in-memory marketplace. The default data reuses the identities of the Puhuri SDK guide and
 * of the recorded python-waldur-client exchanges (provider CSC, offering LUMI-C, resource "Sample
 * resource"…), so the captures replay against it.
 */

export interface UserRecord {
  uuid: string;
  username: string;
  full_name: string;
  email: string;
  organization: string;
}
export interface KeyRecord {
  uuid: string;
  name: string;
  public_key: string;
  fingerprint: string;
  user_uuid: string;
  type: string;
}
export interface ComponentRecord {
  type: string;
  name: string;
  measured_unit: string;
  billing_type: "fixed" | "usage" | "limit" | "one" | "few";
}
export interface OfferingRecord {
  uuid: string;
  name: string;
  customer_uuid: string;
  components: ComponentRecord[];
  can_create_offering_user: boolean;
}
export interface ResourceRecord {
  uuid: string;
  name: string;
  offering_uuid: string;
  project_uuid: string;
  plan_uuid: string;
  state: "Creating" | "OK" | "Erred" | "Updating" | "Terminating" | "Terminated";
  backend_id: string;
  report: { header: string; body: string }[] | null;
  limits: Record<string, number>;
  /** Fault knob: every action on this resource answers 409 (another operation holds it). */
  locked?: boolean;
}
export interface OrderRecord {
  uuid: string;
  resource_uuid: string;
  type: "Create" | "Update" | "Terminate";
  /** Current servers: `pending-provider`, …; legacy order items: `pending`, `executing`, …. */
  state: string;
  /** Set by `set_state_erred` (current servers). */
  error_message?: string;
  error_traceback?: string;
  /** Limits the consumer asked for (Create/Update); applied to the resource when the order is done. */
  limits?: Record<string, number>;
}
export interface UsageRecord {
  uuid: string;
  type: string;
  usage: string;
  description: string;
  date: string;
  recurring: boolean;
}
export interface PlanPeriodRecord {
  uuid: string;
  resource_uuid: string;
  plan_uuid: string;
  start: string;
  end: string | null;
  usages: UsageRecord[];
}
export interface OfferingUserRecord {
  uuid: string;
  offering_uuid: string;
  user_uuid: string;
  username: string | null;
  created: string;
}

/** Everything the stand-in knows. Pass your own to `startWaldur({ data })`. */
export interface WaldurData {
  customers: { uuid: string; name: string }[];
  projects: {
    uuid: string;
    name: string;
    customer_uuid: string;
    members: { user_uuid: string; role: string }[];
  }[];
  users: UserRecord[];
  keys: KeyRecord[];
  offerings: OfferingRecord[];
  resources: ResourceRecord[];
  /** Current-generation orders (`marketplace-orders/`). */
  orders: OrderRecord[];
  /** Legacy order items (`marketplace-order-items/`). */
  orderItems: OrderRecord[];
  planPeriods: PlanPeriodRecord[];
  offeringUsers: OfferingUserRecord[];
}
