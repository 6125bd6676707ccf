import type { ClientSpec } from "@meterkit/core";
import { StateConflictError } from "./errors.js";
import { PACKAGE } from "./package-name.js";

/**
 * What this client declares about Waldur, once: `Authorization: token <token>` (DRF's
 * `TokenAuthentication` keyword), a credential on every call, the API root with its trailing slash (every
 * route is relative to it, hyperlinks are built on it), and a final 409 as {@link StateConflictError}.
 * No product token in the User-Agent: requests stay as they were.
 * @internal
 */
export const SPEC: ClientSpec = {
  packageName: PACKAGE,
  token: { scheme: "token" },
  requiresAuth: true,
  normaliseBaseUrl: (url) => url.replace(/\/*$/, "/"),
  // The conflicting POST was already sent `attempts` times by core's loop (the operation's 409 rule).
  mapError: (error, { attempts }) => (error.status === 409 ? new StateConflictError(error, attempts) : error),
};
