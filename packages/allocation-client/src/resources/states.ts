/** Waldur's resource states (case-sensitive; `creating` is refused with 400). @public */
export const RESOURCE_STATES = ["Creating", "OK", "Erred", "Updating", "Terminating", "Terminated"] as const;

/** One of {@link RESOURCE_STATES}. @public */
export type ResourceState = (typeof RESOURCE_STATES)[number];
