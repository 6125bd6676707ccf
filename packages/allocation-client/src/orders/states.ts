/** Order states of current servers (MasterMind ≥ 6.3.3; 8.0.5 adds `pending-start-date`). @public */
export const ORDER_STATES = [
  "pending-consumer",
  "pending-provider",
  "pending-project",
  "pending-start-date",
  "executing",
  "done",
  "erred",
  "canceled",
  "rejected",
] as const;

/** Order item states of legacy servers (MasterMind 5.4). @public */
export const ORDER_ITEM_STATES = [
  "pending",
  "executing",
  "done",
  "erred",
  "terminated",
  "terminating",
] as const;

/** Order types; `Restore` exists on current servers only. @public */
export const ORDER_TYPES = ["Create", "Update", "Terminate", "Restore"] as const;

/** A state of an order (current) or order item (legacy). @public */
export type OrderState = (typeof ORDER_STATES)[number] | (typeof ORDER_ITEM_STATES)[number];

/** One of {@link ORDER_TYPES}. @public */
export type OrderType = (typeof ORDER_TYPES)[number];
