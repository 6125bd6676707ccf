/**
 * How each reference method of a capture is invoked through our client. Arguments are read from the
 * recorded request (path, query, body) and the call text, never hard-coded, so regenerated captures with
 * other ids and values work the same way.
 */
import { collect, type WaldurClient } from "../../src/index.js";
import type { Capture, CapturedRequest } from "./captures.js";

type Invoke = (
  client: WaldurClient,
  request: CapturedRequest,
  capture: Capture,
  port: number,
) => Promise<unknown>;

/** The query as filters: repeated keys become arrays; `page_size` is ours to choose. */
export function filtersOf(request: CapturedRequest): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of request.query) {
    if (key === "page_size" || key === "page") continue;
    const prev = out[key];
    out[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return out;
}

/** The `{uuid}` of `/api/<route>/{uuid}/…`. */
function uuidOf(request: CapturedRequest): string {
  return request.path.split("/").filter(Boolean)[2] ?? "";
}

function body(request: CapturedRequest, port: number): Record<string, unknown> {
  return JSON.parse(JSON.stringify(request.json ?? {}).replaceAll("{WALDUR_PORT}", String(port)));
}

function view(request: CapturedRequest) {
  return {
    view: request.path.startsWith("/api/marketplace-provider-resources/") ? "provider" : "consumer",
  } as const;
}

function pageSize(request: CapturedRequest) {
  const size = request.query.find(([k]) => k === "page_size")?.[1];
  return size === undefined ? {} : { pageSize: Number(size) };
}

const listResources: Invoke = (client, request, _capture) => {
  const { provider_uuid, state, offering_uuid, field, ...rest } = filtersOf(request);
  const query = {
    ...(provider_uuid === undefined ? {} : { providerUuid: String(provider_uuid) }),
    ...(state === undefined ? {} : { state: state as never }),
    ...(offering_uuid === undefined ? {} : { offeringUuid: String(offering_uuid) }),
    ...(field === undefined ? {} : { fields: field }),
    ...(Object.keys(rest).length ? { filters: rest } : {}),
  };
  const provider = request.path.startsWith("/api/marketplace-provider-resources/");
  return collect(
    provider
      ? client.resources.listAsProvider(query, pageSize(request))
      : client.resources.list(query, pageSize(request)),
  );
};

/** The positional arguments of the call text, e.g. `(O, USER1, 'x')` → `["O", "USER1", "'x'"]`. */
function callArgs(capture: Capture): string[] {
  const inner = /\w+\((.*)\)/.exec(capture.call.split("#")[0] ?? "")?.[1] ?? "";
  return inner
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
}

/** What the reference was given for a hyperlink argument: a literal, a URL (`*_URL`), or a UUID symbol. */
function linkArg(symbol: string | undefined, sent: unknown): string {
  const value = String(sent);
  if (symbol && /^['"].*['"]$/.test(symbol)) return symbol.slice(1, -1);
  if (symbol?.endsWith("_URL")) return value;
  return value.split("/").filter(Boolean).at(-1) ?? value;
}

const approve: Invoke = (c, r, _, port) => c.orders.approve({ orderUuid: uuidOf(r), ...body(r, port) });
const reject: Invoke = (c, r, _, port) => {
  const b = body(r, port);
  return c.orders.reject({
    orderUuid: uuidOf(r),
    ...(b.provider_rejection_comment === undefined ? {} : { comment: String(b.provider_rejection_comment) }),
  });
};
const setBackendId: Invoke = (c, r, _, port) =>
  c.resources.setBackendId({ resourceUuid: uuidOf(r), backendId: String(body(r, port).backend_id) });
const submitReport: Invoke = (c, r, _, port) =>
  c.resources.submitReport({ resourceUuid: uuidOf(r), report: body(r, port).report as never });
const getTeam: Invoke = (c, r) => c.resources.getTeam({ resourceUuid: uuidOf(r), ...view(r) });
const getPlanPeriods: Invoke = (c, r) => c.resources.getPlanPeriods({ resourceUuid: uuidOf(r), ...view(r) });
const getOffering: Invoke = (c, r) => c.offerings.get({ offeringUuid: uuidOf(r) });

/** Reference method name → our call. */
export const OPERATIONS: Readonly<Record<string, Invoke>> = {
  list_users: (c, r) => collect(c.users.list(filtersOf(r), pageSize(r))),
  list_ssh_keys: (c, r) => collect(c.sshKeys.list(filtersOf(r), pageSize(r))),
  list_marketplace_resources: listResources,
  list_marketplace_provider_resources: listResources,
  list_order_items: (c, r) => collect(c.orders.list(filtersOf(r) as never, pageSize(r))),
  list_orders: (c, r) => collect(c.orders.list(filtersOf(r) as never, pageSize(r))),
  marketplace_order_item_approve: approve,
  marketplace_order_approve_by_provider: approve,
  marketplace_order_item_reject: reject,
  marketplace_order_reject_by_provider: reject,
  marketplace_resource_set_backend_id: setBackendId,
  marketplace_provider_resource_set_backend_id: setBackendId,
  marketplace_resource_submit_report: submitReport,
  marketplace_provider_resource_submit_report: submitReport,
  marketplace_resource_get_team: getTeam,
  marketplace_provider_resource_get_team: getTeam,
  marketplace_resource_get_plan_periods: getPlanPeriods,
  marketplace_provider_resource_get_plan_periods: getPlanPeriods,
  get_marketplace_offering: getOffering,
  get_marketplace_provider_offering: getOffering,
  create_component_usages: (c, r, _, port) => {
    const b = body(r, port);
    return c.componentUsages.create({
      ...(b.plan_period === undefined ? {} : { planPeriodUuid: String(b.plan_period) }),
      ...(b.resource === undefined ? {} : { resourceUuid: String(b.resource) }),
      ...(b.date === undefined ? {} : { date: String(b.date) }),
      usages: b.usages as never,
    });
  },
  create_remote_offering_user: (c, r, capture, port) => {
    const b = body(r, port);
    const [offering, user] = callArgs(capture);
    return c.offeringUsers.create({
      offering: linkArg(offering, b.offering),
      user: linkArg(user, b.user),
      ...(b.username === undefined ? {} : { username: String(b.username) }),
    });
  },
};
