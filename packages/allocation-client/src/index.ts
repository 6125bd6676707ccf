/**
 * @packageDocumentation
 * `@meterkit/allocation-client`: see README.md. The API lands with this package's issue.
 */
export {};
