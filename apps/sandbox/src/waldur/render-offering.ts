/** Renderings of offerings, plan periods and offering users. */
import type { OfferingRecord, OfferingUserRecord, PlanPeriodRecord } from "./data.js";
import type { RenderContext } from "./render.js";

export function renderOffering(c: RenderContext, o: OfferingRecord) {
  const provider = c.data.customers.find((x) => x.uuid === o.customer_uuid);
  return {
    url: `${c.api}${c.offeringRoute}/${o.uuid}/`,
    uuid: o.uuid,
    created: "2021-08-01T00:00:00.000000Z",
    name: o.name,
    description: "",
    customer: `${c.api}customers/${o.customer_uuid}/`,
    customer_uuid: o.customer_uuid,
    customer_name: provider?.name ?? "",
    category_title: "HPC",
    state: "Active",
    type: "Marketplace.Remote",
    shared: true,
    billable: true,
    backend_id: "",
    attributes: {},
    options: { order: [], options: {} },
    plugin_options: {},
    secret_options: { service_provider_can_create_offering_user: o.can_create_offering_user },
    plans: [],
    components: o.components.map((x) => ({
      ...x,
      description: "",
      limit_period: null,
      limit_amount: null,
      article_code: "",
      max_value: null,
      min_value: null,
      is_boolean: false,
      default_limit: null,
    })),
  };
}

export function renderPlanPeriod(p: PlanPeriodRecord, c: RenderContext) {
  const resource = c.data.resources.find((r) => r.uuid === p.resource_uuid);
  const offering = c.data.offerings.find((o) => o.uuid === resource?.offering_uuid);
  const components = p.usages.map((u) => {
    const component = offering?.components.find((x) => x.type === u.type);
    return {
      ...u,
      created: u.date,
      name: component?.name ?? u.type,
      measured_unit: component?.measured_unit ?? "",
    };
  });
  return {
    uuid: p.uuid,
    plan_name: "sample-plan",
    plan_uuid: p.plan_uuid,
    start: p.start,
    end: p.end,
    components,
  };
}

export function renderOfferingUser(c: RenderContext, u: OfferingUserRecord) {
  const offering = c.data.offerings.find((o) => o.uuid === u.offering_uuid);
  const user = c.data.users.find((x) => x.uuid === u.user_uuid);
  return {
    url: `${c.api}marketplace-offering-users/${u.uuid}/`,
    uuid: u.uuid,
    user: `${c.api}users/${u.user_uuid}/`,
    offering: `${c.api}${c.offeringRoute}/${u.offering_uuid}/`,
    username: u.username,
    offering_uuid: u.offering_uuid,
    offering_name: offering?.name ?? "",
    user_uuid: u.user_uuid,
    user_username: user?.username ?? "",
    created: u.created,
    modified: u.created,
    state: "OK",
  };
}
