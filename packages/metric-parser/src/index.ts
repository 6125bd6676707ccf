/**
 * @packageDocumentation
 * `@meterkit/metric-parser`: see README.md. The API lands with this package's issue.
 */
export {};
