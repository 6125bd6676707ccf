/**
 * The two Waldur server generations this client speaks. The routes that differ are listed in one place,
 * with the MasterMind release where each changed (research: `wire/waldur.md` §3).
 */

/**
 * `"current"`: Waldur MasterMind ≥ 7 (OpenAPI 8.0.5), Puhuri Core today.
 * `"legacy"`: MasterMind 5.4.x, the API python-waldur-client v0.1.5 (the seed) was written for.
 * @public
 */
export type Generation = "current" | "legacy";

/** Route names per generation. @internal */
export interface Routes {
  /** Single-resource provider actions (`set_backend_id`, `submit_report`); moved in MasterMind 7.0.1. */
  readonly providerResources: string;
  /** Offering details; `marketplace-offerings/` was removed in 5.4.7. */
  readonly offerings: string;
  /** Orders (current) or order items (legacy, removed in 6.3.3). */
  readonly orders: string;
  readonly approve: string;
  readonly reject: string;
}

const ROUTES: Readonly<Record<Generation, Routes>> = {
  current: {
    providerResources: "marketplace-provider-resources",
    offerings: "marketplace-provider-offerings",
    orders: "marketplace-orders",
    approve: "approve_by_provider",
    reject: "reject_by_provider",
  },
  legacy: {
    providerResources: "marketplace-resources",
    offerings: "marketplace-offerings",
    orders: "marketplace-order-items",
    approve: "approve",
    reject: "reject",
  },
};

/** @internal */
export function routesOf(generation: Generation): Routes {
  return ROUTES[generation];
}
