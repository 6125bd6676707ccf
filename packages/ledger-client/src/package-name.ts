/** The npm name of this package: the prefix of every message it writes. @internal */
export const PKG = "@meterkit/ledger-client";
