import { InvalidInputError, type ValidationIssue } from "../errors.js";

/** Options of `keystoneAuth`. Give a password (with a user) or an application credential. @public */
export interface KeystoneAuthOptions {
  /** Keystone's URL, with or without `/v3`. */
  authUrl: string;
  username?: string;
  userId?: string;
  password?: string;
  /** Domain of the user, by name (default `Default`) or id. */
  userDomainName?: string;
  userDomainId?: string;
  /** Project scope, by id, or by name with its domain (default: the user's domain). */
  projectId?: string;
  projectName?: string;
  projectDomainName?: string;
  projectDomainId?: string;
  /** Domain scope instead of a project scope. */
  domainId?: string;
  domainName?: string;
  /** Application credential auth (instead of a password). */
  applicationCredentialId?: string;
  applicationCredentialSecret?: string;
  /** Renew the token this long before it expires. Default 5 minutes. */
  refreshBeforeMs?: number;
  /** Time limit of each token request. */
  timeoutMs?: number;
  /** Injectable clock (ms since epoch). */
  now?: () => number;
}

/** The `POST /v3/auth/tokens` body; throws InvalidInputError naming the missing field. @internal */
export function tokenRequestBody(o: KeystoneAuthOptions): unknown {
  const issues: ValidationIssue[] = [];
  if (!o.authUrl) issues.push({ path: ["authUrl"], message: "is required" });
  if (o.applicationCredentialId || o.applicationCredentialSecret) {
    if (!o.applicationCredentialId)
      issues.push({ path: ["applicationCredentialId"], message: "is required with a secret" });
    if (!o.applicationCredentialSecret)
      issues.push({ path: ["applicationCredentialSecret"], message: "is required" });
    fail(issues);
    return {
      auth: {
        identity: {
          methods: ["application_credential"],
          application_credential: { id: o.applicationCredentialId, secret: o.applicationCredentialSecret },
        },
      },
    };
  }
  if (!o.username && !o.userId) issues.push({ path: ["username"], message: "is required (or userId)" });
  if (!o.password) issues.push({ path: ["password"], message: "is required" });
  fail(issues);
  const userDomain = o.userDomainId ? { id: o.userDomainId } : { name: o.userDomainName ?? "Default" };
  const user = o.userId
    ? { id: o.userId, password: o.password }
    : { name: o.username, domain: userDomain, password: o.password };
  return { auth: { identity: { methods: ["password"], password: { user } }, ...scope(o, userDomain) } };
}

function scope(
  o: KeystoneAuthOptions,
  userDomain: { id: string } | { name: string },
): Record<string, unknown> {
  if (o.projectId) return { scope: { project: { id: o.projectId } } };
  if (o.projectName) {
    const domain = o.projectDomainId
      ? { id: o.projectDomainId }
      : o.projectDomainName
        ? { name: o.projectDomainName }
        : userDomain;
    return { scope: { project: { name: o.projectName, domain } } };
  }
  if (o.domainId) return { scope: { domain: { id: o.domainId } } };
  if (o.domainName) return { scope: { domain: { name: o.domainName } } };
  return {};
}

function fail(issues: ValidationIssue[]): void {
  if (issues.length) throw new InvalidInputError(issues);
}
