import { type CallOptions, createHttpClient, type Paginated, tokenAuth } from "@meterkit/core";
import { z } from "zod";
import type { WaldurClientOptions } from "./client-options.js";
import { type ClientContext, PACKAGE } from "./context.js";
import { routesOf } from "./generation.js";
import { check, PageSize } from "./input/common.js";
import type { ListOptions } from "./input/list-options.js";
import { type CreateOfferingUserInput, createOfferingUser } from "./offering-users/create-offering-user.js";
import { getOffering } from "./offerings/get-offering.js";
import { listOrders, type OrderFilters } from "./orders/list-orders.js";
import {
  type ApproveOrderInput,
  approveOrder,
  type RejectOrderInput,
  rejectOrder,
} from "./orders/order-actions.js";
import { listResources, type ResourceQuery } from "./resources/list-resources.js";
import { setBackendId, submitReport } from "./resources/resource-actions.js";
import { getPlanPeriods, getTeam, type ResourceReadOptions } from "./resources/resource-reads.js";
import type { Offering } from "./schemas/offering.js";
import type { OfferingUser } from "./schemas/offering-user.js";
import type { Order, OrderActionResult } from "./schemas/order.js";
import type { PlanPeriod } from "./schemas/plan-period.js";
import type { ReportSection, Resource, ResourceStatus } from "./schemas/resource.js";
import type { SshKey } from "./schemas/ssh-key.js";
import type { ProjectUser } from "./schemas/team.js";
import type { User } from "./schemas/user.js";
import { listSshKeys, type SshKeyFilters } from "./ssh-keys/list-ssh-keys.js";
import { type CreateComponentUsagesInput, createComponentUsages } from "./usages/create-component-usages.js";
import { listUsers, type UserFilters } from "./users/list-users.js";

const Options = z.object({
  baseUrl: z.union([z.url({ protocol: /^https?$/ }), z.instanceof(URL)]),
  token: z.string().min(1).optional(),
  generation: z.enum(["current", "legacy"]).optional(),
  pageSize: PageSize.optional(),
  conflictRetry: z
    .strictObject({
      attempts: z.number().int().min(1).max(10).optional(),
      delayMs: z.number().min(0).optional(),
    })
    .optional(),
});

/**
 * Create a Waldur (Puhuri Core) marketplace client for service providers.
 * @example
 * ```ts
 * const waldur = createWaldurClient({ baseUrl: "https://puhuri-core.example/api/", token: process.env.WALDUR_TOKEN! });
 * for await (const resource of waldur.resources.list({ state: "Creating" })) console.log(resource.name);
 * ```
 * @public
 */
export function createWaldurClient(options: WaldurClientOptions) {
  const o = check(Options, options);
  if ((options.token === undefined) === (options.auth === undefined)) {
    check(z.never({ error: "give exactly one of token and auth" }), options.token, "token");
  }
  const generation = o.generation ?? "current";
  const apiRoot = String(options.baseUrl).replace(/\/*$/, "/");
  const http = createHttpClient({
    baseUrl: apiRoot,
    auth: options.auth ?? tokenAuth({ token: options.token ?? "", scheme: "token" }),
    packageName: PACKAGE,
    ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
    ...(options.middleware === undefined ? {} : { middleware: options.middleware }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.userAgent === undefined ? {} : { userAgent: options.userAgent }),
  });
  const ctx: ClientContext = {
    http,
    generation,
    routes: routesOf(generation),
    apiRoot,
    pageSize: o.pageSize ?? 200,
    conflict: { attempts: o.conflictRetry?.attempts ?? 3, delayMs: o.conflictRetry?.delayMs ?? 2000 },
  };
  return bind(ctx);
}

function bind(ctx: ClientContext) {
  return {
    /** The server generation this client speaks. */
    generation: ctx.generation,
    users: {
      /** `GET users/`: every user the caller may see, page by page; filters are checked before sending. */
      list: (filters?: UserFilters, options?: ListOptions): Paginated<User> =>
        listUsers(ctx, filters, options),
    },
    sshKeys: {
      /**
       * `GET keys/`: SSH public keys; the server's default page size applies unless `options.pageSize` is
       * set.
       */
      list: (filters?: SshKeyFilters, options?: ListOptions): Paginated<SshKey> =>
        listSshKeys(ctx, filters, options),
    },
    resources: {
      /**
       * `GET marketplace-resources/`: marketplace resources (allocations) matching the query, page by page.
       */
      list: (query?: ResourceQuery, options?: ListOptions): Paginated<Resource> =>
        listResources(ctx, query, options),
      /**
       * `GET marketplace-provider-resources/`: the service provider's view of its resources (current servers
       * only; throws `UnsupportedOperationError` on legacy servers).
       */
      listAsProvider: (query?: ResourceQuery, options?: ListOptions): Paginated<Resource> =>
        listResources(ctx, query, options, true),
      /** Link a resource to the provider's own id (`POST …/{uuid}/set_backend_id/`). */
      setBackendId: (
        resourceUuid: string,
        backendId: string,
        options?: CallOptions,
      ): Promise<ResourceStatus> => setBackendId(ctx, resourceUuid, backendId, options),
      /**
       * Replace the access report shown to the resource's users (`POST …/{uuid}/submit_report/`); at least
       * one section.
       */
      submitReport: (
        resourceUuid: string,
        report: readonly ReportSection[],
        options?: CallOptions,
      ): Promise<ResourceStatus> => submitReport(ctx, resourceUuid, report, options),
      /** `GET …/{uuid}/team/`: the members of the resource's project; pick the route with `options.view`. */
      getTeam: (resourceUuid: string, options?: ResourceReadOptions): Promise<ProjectUser[]> =>
        getTeam(ctx, resourceUuid, options),
      /**
       * `GET …/{uuid}/plan_periods/`: the resource's open billing periods, whose UUIDs usages are reported
       * against.
       */
      getPlanPeriods: (resourceUuid: string, options?: ResourceReadOptions): Promise<PlanPeriod[]> =>
        getPlanPeriods(ctx, resourceUuid, options),
    },
    orders: {
      /** `GET marketplace-orders/` (current) or `marketplace-order-items/` (legacy), page by page. */
      list: (filters?: OrderFilters, options?: ListOptions): Paginated<Order> =>
        listOrders(ctx, filters, options),
      /**
       * Approve an order as the service provider. A 409 (order not pending the provider) is retried, then
       * throws `StateConflictError`.
       */
      approve: (
        orderUuid: string,
        input?: ApproveOrderInput,
        options?: CallOptions,
      ): Promise<OrderActionResult> => approveOrder(ctx, orderUuid, input, options),
      /**
       * Reject an order as the service provider, optionally with a comment for the consumer (current
       * servers).
       */
      reject: (
        orderUuid: string,
        input?: RejectOrderInput,
        options?: CallOptions,
      ): Promise<OrderActionResult> => rejectOrder(ctx, orderUuid, input, options),
    },
    offerings: {
      /** One offering with its `components`, whose `type`s usages are reported under. */
      get: (offeringUuid: string, options?: CallOptions): Promise<Offering> =>
        getOffering(ctx, offeringUuid, options),
    },
    componentUsages: {
      /**
       * `POST marketplace-component-usages/set_usage/`: report usages for a plan period or resource; reporting
       * again in the same month overwrites the value.
       */
      create: (input: CreateComponentUsagesInput, options?: CallOptions): Promise<void> =>
        createComponentUsages(ctx, input, options),
    },
    offeringUsers: {
      /** `POST marketplace-offering-users/`: grant a user an account on an offering (UUIDs or API URLs). */
      create: (input: CreateOfferingUserInput, options?: CallOptions): Promise<OfferingUser> =>
        createOfferingUser(ctx, input, options),
    },
  } as const;
}

/** The client {@link createWaldurClient} returns. @public */
export type WaldurClient = ReturnType<typeof createWaldurClient>;
