import { pyStr, pyTruthy } from "@meterkit/core/python";
import type { AccountContext } from "../context/context.js";
import { checkBadResponse } from "../context/response.js";
import type { Metadata, SerializedMetadata } from "./metadata.js";
import { checkKeys } from "./options.js";
import { callSerialize } from "./resource.js";

/** Options of {@link Account}. @public */
export interface AccountOptions {
  /** Account id; dropped from the output when falsy. */
  id?: string | null | undefined;
  /** Account metadata. */
  metadata?: Metadata | null | undefined;
}

/** Wire form of an {@link Account}. @public */
export interface SerializedAccount {
  id?: unknown;
  metadata?: SerializedMetadata;
}

const KEYS = new Set(["id", "metadata"]);

/**
 * A CMP account (not a resource): its id and metadata, sent with {@link Account.update}.
 * @public
 */
export class Account {
  id: unknown;
  metadata: unknown;

  constructor(options: AccountOptions = {}) {
    const o = checkKeys("Account", options, KEYS);
    this.id = o.id ?? null;
    this.metadata = o.metadata ?? null;
  }

  /** `{ id?, metadata? }`: each only when truthy. */
  serialize(): SerializedAccount {
    const out: SerializedAccount = {};
    if (pyTruthy(this.id)) out.id = this.id;
    if (pyTruthy(this.metadata))
      out.metadata = callSerialize(this.metadata, "metadata") as SerializedMetadata;
    return out;
  }

  /**
   * Sends the account to CMP: `PATCH /accounts/<accountId>/resource` with `serialize()` as body.
   * Does nothing when `accountId` or `context.moduleId` is null/undefined (only those: `""` still
   * sends). Throws {@link BadResponseError} for any status other than 200.
   */
  async update(context: AccountContext, accountId: string | number | null | undefined): Promise<void> {
    if (accountId === null || accountId === undefined) return;
    if (context.moduleId === null || context.moduleId === undefined) return;
    const body = this.serialize();
    const response = await context.api.patch(`/accounts/${pyStr(accountId)}/resource`, body);
    checkBadResponse("account", response);
  }
}
