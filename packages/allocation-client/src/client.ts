import { type BoundOperations, bindOperations, type HttpClient } from "@meterkit/core";
import { createWaldurContext, type WaldurClientOptions, type WaldurContext } from "./context.js";
import { createOfferingUser } from "./offering-users/create-offering-user.js";
import { getOffering } from "./offerings/get-offering.js";
import { setOrderDone, setOrderErred, setOrderExecuting } from "./orders/agent-states.js";
import { listOrders } from "./orders/list-orders.js";
import { approveOrder, rejectOrder } from "./orders/order-actions.js";
import { listProviderResources, listResources } from "./resources/list-resources.js";
import { setResourceBackendId, submitResourceReport } from "./resources/resource-actions.js";
import { getResourcePlanPeriods, getResourceTeam } from "./resources/resource-reads.js";
import { listSshKeys } from "./ssh-keys/list-ssh-keys.js";
import { createComponentUsages } from "./usages/create-component-usages.js";
import { listUsers } from "./users/list-users.js";

/** Every operation of the client, by resource: `client.<resource>.<verb>(input, options)`. */
const OPERATIONS = {
  users: {
    /** `GET users/`: every user the caller may see, page by page; filters are checked before sending. */
    list: listUsers,
  },
  sshKeys: {
    /** `GET keys/`: SSH public keys; the server's default page size applies unless `pageSize` is set. */
    list: listSshKeys,
  },
  resources: {
    /** `GET marketplace-resources/`: marketplace resources (allocations) matching the query, page by page. */
    list: listResources,
    /** `GET marketplace-provider-resources/`: the provider's view (current servers only). */
    listAsProvider: listProviderResources,
    /** Link a resource to the provider's own id (`POST …/{uuid}/set_backend_id/`). */
    setBackendId: setResourceBackendId,
    /** Replace the access report shown to the resource's users (`POST …/{uuid}/submit_report/`). */
    submitReport: submitResourceReport,
    /** `GET …/{uuid}/team/`: the members of the resource's project; pick the route with `view`. */
    getTeam: getResourceTeam,
    /** `GET …/{uuid}/plan_periods/`: the open billing periods usages are reported against. */
    getPlanPeriods: getResourcePlanPeriods,
  },
  orders: {
    /** `GET marketplace-orders/` (current) or `marketplace-order-items/` (legacy), page by page. */
    list: listOrders,
    /** Approve an order as the provider; a 409 is sent again, then throws `StateConflictError`. */
    approve: approveOrder,
    /** Reject an order as the provider, optionally with a comment for the consumer (current servers). */
    reject: rejectOrder,
    /** `…/set_state_executing/` (current servers): take a pending order as an agent. */
    setExecuting: setOrderExecuting,
    /** `…/set_state_done/` (current servers): finish an executing order. */
    setDone: setOrderDone,
    /** `…/set_state_erred/` (current servers): fail an executing order with a message. */
    setErred: setOrderErred,
  },
  offerings: {
    /** One offering with its `components`, whose `type`s usages are reported under. */
    get: getOffering,
  },
  componentUsages: {
    /** `POST marketplace-component-usages/set_usage/`: report usages for a plan period or resource. */
    create: createComponentUsages,
  },
  offeringUsers: {
    /** `POST marketplace-offering-users/`: grant a user an account on an offering (UUIDs or API URLs). */
    create: createOfferingUser,
  },
} as const;

/** The client {@link createWaldurClient} returns: its context and every operation, by resource. @public */
export type WaldurClient = WaldurContext & BoundOperations<WaldurContext, typeof OPERATIONS>;

/**
 * Create a Waldur (Puhuri Core) marketplace client for service providers.
 * @example
 * ```ts
 * const waldur = createWaldurClient({ baseUrl: "https://puhuri-core.example/api/", token: process.env.WALDUR_TOKEN! });
 * for await (const resource of waldur.resources.list({ state: "Creating" })) console.log(resource.name);
 * await waldur.orders.approve({ orderUuid });
 * ```
 * @public
 */
export function createWaldurClient(options: WaldurClientOptions | HttpClient): WaldurClient {
  const context = createWaldurContext(options);
  return { ...context, ...bindOperations(context, OPERATIONS) };
}
