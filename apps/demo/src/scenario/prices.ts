/** The provider's price list: the same numbers become CloudKitty rules, the local engine's rules and SLA catalog fees. */

/** An instance flavor and its hourly price. */
export interface Flavor {
  name: string;
  vcpus: number;
  ramMb: number;
  /** EUR per hour, a decimal string. */
  pricePerHour: string;
}

/** The flavors on sale. */
export const FLAVORS: readonly Flavor[] = [
  { name: "m1.small", vcpus: 1, ramMb: 2048, pricePerHour: "0.02" },
  { name: "m1.medium", vcpus: 2, ramMb: 4096, pricePerHour: "0.04" },
  { name: "m1.large", vcpus: 4, ramMb: 8192, pricePerHour: "0.08" },
  { name: "m1.xlarge", vcpus: 8, ramMb: 16384, pricePerHour: "0.16" },
];

/** EUR per GB-hour of block storage. */
export const STORAGE_PRICE_PER_GB_HOUR = "0.0002";
/** Volumes of at least this many GB get {@link LARGE_VOLUME_RATE}. */
export const LARGE_VOLUME_GB = 100;
/** The rate applied to large volumes (a 20 % discount). */
export const LARGE_VOLUME_RATE = "0.8";
/** The volume type every demo volume has. */
export const VOLUME_TYPE = "ssd";
