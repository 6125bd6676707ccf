/** The paginated collections: users, keys, resources (both views), orders and legacy order items. */
import { allValues, choices, isAnswer, selectFields, uuidFilter } from "../filters.js";
import type { Answer, WaldurRequest } from "../http.js";
import { lastValue, paginate } from "../pagination.js";
import { renderKey, renderOrder, renderResource, renderUser } from "../render.js";
import { renderContext, type StandIn } from "../state.js";

const RESOURCE_STATES = ["Creating", "OK", "Erred", "Updating", "Terminating", "Terminated"];
const ORDER_STATES = [
  "pending-consumer",
  "pending-provider",
  "pending-project",
  "pending-start-date",
  "executing",
  "done",
  "erred",
  "canceled",
  "rejected",
];
const ORDER_ITEM_STATES = ["pending", "executing", "done", "erred", "terminated", "terminating"];

function page(s: StandIn, req: WaldurRequest, items: readonly Record<string, unknown>[]): Answer {
  const result = paginate(items, req.self, req.params, s.defaultPageSize, s.maxPageSize);
  const body = Array.isArray(result.body)
    ? result.body.map((item) => selectFields(req.params, item))
    : result.body;
  return { status: result.status, headers: result.headers, body };
}

export function listUsers(s: StandIn, req: WaldurRequest): Answer {
  const username = lastValue(req.params, "username");
  const email = lastValue(req.params, "email");
  const users = s.data.users.filter(
    (u) => (username === undefined || u.username === username) && (email === undefined || u.email === email),
  );
  const c = renderContext(s, req, false);
  return page(
    s,
    req,
    users.map((u) => renderUser(c, u)),
  );
}

export function listKeys(s: StandIn, req: WaldurRequest): Answer {
  const user = uuidFilter(req.params, "user_uuid");
  if (isAnswer(user)) return user;
  const c = renderContext(s, req, false);
  return page(
    s,
    req,
    s.data.keys.filter((k) => user === undefined || k.user_uuid === user).map((k) => renderKey(c, k)),
  );
}

export function listResources(s: StandIn, req: WaldurRequest, legacy: boolean): Answer {
  const states = choices(req.params, "state", RESOURCE_STATES);
  if (isAnswer(states)) return states;
  const provider = uuidFilter(req.params, "provider_uuid");
  if (isAnswer(provider)) return provider;
  const offerings = allValues(req.params, "offering_uuid").map((v) => v.replaceAll("-", "").toLowerCase());
  const providerOfferings = new Set(
    s.data.offerings.filter((o) => o.customer_uuid === provider).map((o) => o.uuid),
  );
  const c = renderContext(s, req, legacy);
  const filtered = states.length > 0 || provider !== undefined || offerings.length > 0;
  // One pass, and none without filters: a bench pages through 100 000 resources.
  const items = !filtered
    ? s.data.resources
    : s.data.resources.filter(
        (r) =>
          (states.length === 0 || states.includes(r.state)) &&
          (provider === undefined || providerOfferings.has(r.offering_uuid)) &&
          (offerings.length === 0 || offerings.includes(r.offering_uuid)),
      );
  // Rendering is lazy per page: 100 000 resources must not be serialised to answer one page.
  const result = paginate(items, req.self, req.params, s.defaultPageSize, s.maxPageSize);
  const body = Array.isArray(result.body)
    ? result.body.map((r) => selectFields(req.params, renderResource(c, r)))
    : result.body;
  return { status: result.status, headers: result.headers, body };
}

export function listOrders(s: StandIn, req: WaldurRequest, legacy: boolean): Answer {
  const states = legacy
    ? choices(req.params, "state", ORDER_ITEM_STATES, true)
    : choices(req.params, "state", ORDER_STATES);
  if (isAnswer(states)) return states;
  const types = choices(
    req.params,
    "type",
    legacy ? ["Create", "Update", "Terminate"] : ["Create", "Update", "Terminate", "Restore"],
    legacy,
  );
  if (isAnswer(types)) return types;
  const filters: Record<string, string | undefined> = {};
  for (const key of ["offering_uuid", "resource_uuid", "provider_uuid"]) {
    const value = uuidFilter(req.params, key);
    if (isAnswer(value)) return value;
    filters[key] = value;
  }
  const c = renderContext(s, req, legacy);
  const rows = (legacy ? s.data.orderItems : s.data.orders).filter((o) => {
    const resource = s.data.resources.find((r) => r.uuid === o.resource_uuid);
    const offering = s.data.offerings.find((x) => x.uuid === resource?.offering_uuid);
    return (
      (states.length === 0 || states.includes(o.state)) &&
      (types.length === 0 || types.includes(o.type)) &&
      (filters.offering_uuid === undefined || offering?.uuid === filters.offering_uuid) &&
      (filters.resource_uuid === undefined || o.resource_uuid === filters.resource_uuid) &&
      (filters.provider_uuid === undefined || offering?.customer_uuid === filters.provider_uuid)
    );
  });
  return page(
    s,
    req,
    rows.map((o) => renderOrder(c, o, legacy)),
  );
}
