/** Waldur's JSON renderings of the records (field names from the MasterMind serializers, 8.0.5 OpenAPI). */
import type { OfferingRecord, OrderRecord, ResourceRecord, UserRecord, WaldurData } from "./data.js";

export interface RenderContext {
  /** `http://host:port/api/`, built from the request's Host like DRF's hyperlinks. */
  api: string;
  data: WaldurData;
  /** The offering route this request's generation uses in hyperlinks. */
  offeringRoute: "marketplace-offerings" | "marketplace-provider-offerings";
}

const CREATED = "2021-08-11T15:20:25.762775Z";

export function renderUser(c: RenderContext, u: UserRecord) {
  return {
    url: `${c.api}users/${u.uuid}/`,
    uuid: u.uuid,
    username: u.username,
    full_name: u.full_name,
    native_name: "",
    job_title: "",
    email: u.email,
    phone_number: "",
    organization: u.organization,
    civil_number: null,
    description: "",
    is_staff: false,
    is_active: true,
    is_support: false,
    token_lifetime: 3600,
    registration_method: "eduteams",
    date_joined: CREATED,
    agreement_date: CREATED,
    preferred_language: "",
    requested_email: null,
    affiliations: [],
    first_name: u.full_name.split(" ")[0] ?? "",
    last_name: u.full_name.split(" ").slice(1).join(" "),
    identity_provider_name: "MyAccessID",
    identity_provider_label: "MyAccessID",
    image: null,
  };
}

export function renderKey(c: RenderContext, k: WaldurData["keys"][number]) {
  return {
    url: `${c.api}keys/${k.uuid}/`,
    uuid: k.uuid,
    name: k.name,
    public_key: k.public_key,
    fingerprint: k.fingerprint,
    fingerprint_md5: k.fingerprint,
    user_uuid: k.user_uuid,
    is_shared: false,
    type: k.type,
  };
}

function offeringBlock(c: RenderContext, offering: OfferingRecord | undefined) {
  const provider = c.data.customers.find((x) => x.uuid === offering?.customer_uuid);
  return {
    offering: `${c.api}${c.offeringRoute}/${offering?.uuid}/`,
    offering_name: offering?.name ?? "",
    offering_uuid: offering?.uuid ?? "",
    offering_type: "Marketplace.Remote",
    offering_shared: true,
    offering_billable: true,
    provider_name: provider?.name ?? "",
    provider_uuid: provider?.uuid ?? "",
  };
}

function projectBlock(c: RenderContext, projectUuid: string) {
  const project = c.data.projects.find((p) => p.uuid === projectUuid);
  const customer = c.data.customers.find((x) => x.uuid === project?.customer_uuid);
  return {
    project: `${c.api}projects/${projectUuid}/`,
    project_uuid: projectUuid,
    project_name: project?.name ?? "",
    customer_uuid: customer?.uuid ?? "",
    customer_name: customer?.name ?? "",
  };
}

export function renderResource(c: RenderContext, r: ResourceRecord) {
  const offering = c.data.offerings.find((o) => o.uuid === r.offering_uuid);
  return {
    url: `${c.api}marketplace-resources/${r.uuid}/`,
    uuid: r.uuid,
    name: r.name,
    description: "",
    state: r.state,
    created: CREATED,
    modified: CREATED,
    backend_id: r.backend_id,
    ...offeringBlock(c, offering),
    plan: `${c.api}marketplace-plans/${r.plan_uuid}/`,
    plan_name: "sample-plan",
    plan_uuid: r.plan_uuid,
    ...projectBlock(c, r.project_uuid),
    resource_uuid: null,
    resource_type: null,
    // 8.0.5: `scope` is a non-nullable string (the backend object's URL, "" when there is none).
    scope: "",
    attributes: { name: r.name },
    limits: r.limits,
    is_usage_based: true,
    is_limit_based: false,
    can_terminate: r.state === "OK",
    // 8.0.5: `report` is a non-nullable array; a resource without a report has none.
    report: r.report ?? [],
    end_date: null,
    username: null,
  };
}

export function renderOrder(c: RenderContext, o: OrderRecord, legacy: boolean) {
  const resource = c.data.resources.find((r) => r.uuid === o.resource_uuid);
  const offering = c.data.offerings.find((x) => x.uuid === resource?.offering_uuid);
  return {
    url: `${c.api}${legacy ? "marketplace-order-items" : "marketplace-orders"}/${o.uuid}/`,
    uuid: o.uuid,
    created: CREATED,
    modified: CREATED,
    type: o.type,
    state: o.state,
    ...offeringBlock(c, offering),
    plan: resource ? `${c.api}marketplace-plans/${resource.plan_uuid}/` : null,
    plan_uuid: resource?.plan_uuid ?? null,
    marketplace_resource_uuid: o.resource_uuid,
    resource_name: resource?.name ?? null,
    ...projectBlock(c, resource?.project_uuid ?? ""),
    attributes: { name: resource?.name ?? "" },
    limits: o.limits ?? resource?.limits ?? {},
    cost: "0.0000000000",
    error_message: o.error_message ?? "",
    error_traceback: o.error_traceback ?? "",
    backend_id: resource?.backend_id ?? "",
    created_by_full_name: "Integration user (CSC)",
    created_by_civil_number: null,
    ...(legacy ? { order_uuid: o.uuid, order_approved_at: null } : {}),
  };
}
