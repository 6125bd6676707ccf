/** The package name every message of this package starts with. @internal */
export const PACKAGE = "@meterkit/allocation-client";
