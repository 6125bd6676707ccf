import { checkKeys } from "./options.js";

/** Options of {@link IpAddress}. @public */
export interface IpAddressOptions {
  /** IPv4 or IPv6 address. */
  ipAddress?: unknown;
  /** Network id; `network` is emitted only when both id and name are given. */
  networkId?: unknown;
  /** Network name; `network` is emitted only when both id and name are given. */
  networkName?: unknown;
  /** Free text, useful for public addresses without a network. */
  description?: unknown;
}

/** Wire form of an {@link IpAddress}. @public */
export interface SerializedIpAddress {
  ip_address?: unknown;
  network?: { id: unknown; name: unknown };
  description?: unknown;
}

const KEYS = new Set(["ipAddress", "networkId", "networkName", "description"]);

/**
 * An IP address of a server. Nothing is validated; absent (null) parts are left out.
 * @public
 */
export class IpAddress {
  ipAddress: unknown;
  networkId: unknown;
  networkName: unknown;
  description: unknown;

  constructor(options: IpAddressOptions = {}) {
    const o = checkKeys("IpAddress", options, KEYS);
    this.ipAddress = o.ipAddress ?? null;
    this.networkId = o.networkId ?? null;
    this.networkName = o.networkName ?? null;
    this.description = o.description ?? null;
  }

  /** `{ ip_address?, network?: { id, name }, description? }` in that order. */
  serialize(): SerializedIpAddress {
    const out: SerializedIpAddress = {};
    if (this.ipAddress !== null) out.ip_address = this.ipAddress;
    if (this.networkId !== null && this.networkName !== null) {
      out.network = { id: this.networkId, name: this.networkName };
    }
    if (this.description !== null) out.description = this.description;
    return out;
  }
}
