/**
 * @packageDocumentation
 * `@meterkit/connector-model`: see README.md. The API lands with this package's issue.
 */
export {};
