/**
 * @packageDocumentation
 * `@meterkit/allocation-client`: the Waldur / Puhuri Core marketplace API for service providers — orders,
 * resources (allocations), usage reports and offering users — for current (OpenAPI 8.0.5) and legacy
 * (MasterMind 5.4) servers.
 */
export { collect } from "@meterkit/core";
export type { WaldurClient } from "./client.js";
export { createWaldurClient } from "./client.js";
export type { ConflictRetryOptions, WaldurClientOptions, WaldurContext } from "./context.js";
export { createWaldurContext } from "./context.js";
export { drfErrorMessages, StateConflictError, UnsupportedOperationError } from "./errors.js";
export type { Generation } from "./generation.js";
export type { FilterValue, WaldurFilters } from "./input/filters.js";
export type { ListOptions } from "./input/list-options.js";
export type { CreateOfferingUserInput } from "./offering-users/create-offering-user.js";
export { createOfferingUser } from "./offering-users/create-offering-user.js";
export type { GetOfferingInput } from "./offerings/get-offering.js";
export { getOffering } from "./offerings/get-offering.js";
export type { SetOrderStateInput } from "./orders/agent-states.js";
export { setOrderDone, setOrderErred, setOrderExecuting } from "./orders/agent-states.js";
export type { OrderFilters } from "./orders/list-orders.js";
export { listOrders } from "./orders/list-orders.js";
export type { ApproveOrderInput, RejectOrderInput } from "./orders/order-actions.js";
export { approveOrder, rejectOrder } from "./orders/order-actions.js";
export type { OrderState, OrderType } from "./orders/states.js";
export { ORDER_ITEM_STATES, ORDER_STATES, ORDER_TYPES } from "./orders/states.js";
export type { ResourceQuery } from "./resources/list-resources.js";
export { listProviderResources, listResources } from "./resources/list-resources.js";
export type { SetBackendIdInput, SubmitReportInput } from "./resources/resource-actions.js";
export { setResourceBackendId, submitResourceReport } from "./resources/resource-actions.js";
export type { ResourceReadInput, ResourceView } from "./resources/resource-reads.js";
export { getResourcePlanPeriods, getResourceTeam } from "./resources/resource-reads.js";
export type { ResourceState } from "./resources/states.js";
export { RESOURCE_STATES } from "./resources/states.js";
export type { Offering, OfferingComponent } from "./schemas/offering.js";
export type { OfferingUser } from "./schemas/offering-user.js";
export type { Order, OrderActionResult } from "./schemas/order.js";
export type { ComponentUsageRecord, PlanPeriod } from "./schemas/plan-period.js";
export type { ReportSection, Resource, ResourceStatus } from "./schemas/resource.js";
export type { SshKey } from "./schemas/ssh-key.js";
export type { ProjectUser } from "./schemas/team.js";
export type { User } from "./schemas/user.js";
export type { SshKeyFilters } from "./ssh-keys/list-ssh-keys.js";
export { listSshKeys } from "./ssh-keys/list-ssh-keys.js";
export type { ComponentUsage, CreateComponentUsagesInput } from "./usages/create-component-usages.js";
export { createComponentUsages } from "./usages/create-component-usages.js";
export type { UserFilters } from "./users/list-users.js";
export { listUsers } from "./users/list-users.js";
