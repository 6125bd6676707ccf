/**
 * `@meterkit/connector-model/schemas`: a zod schema of each options type's documented types, stricter than
 * the constructors (which accept what the original accepts), for checking a connector's raw input early
 * with `validateOptions`. A subpath of its own because zod costs a fresh process ~50 ms of CPU to load,
 * which a connector that never validates raw input should not pay on every invocation.
 * @packageDocumentation
 */
export {
  AccountOptionsSchema,
  ApplianceOptionsSchema,
  BaseResourceOptionsSchema,
  CircuitOptionsSchema,
  ColoSpaceOptionsSchema,
  ComputePoolOptionsSchema,
  ConnectionsOptionsSchema,
  ImageDetailOptionsSchema,
  IpAddressOptionsSchema,
  LocationsOptionsSchema,
  MetadataOptionsSchema,
  NetworkOptionsSchema,
  RegionOptionsSchema,
  ResourceOptionsSchema,
  SaasUserOptionsSchema,
  ServerOptionsSchema,
  ServiceOfferingOptionsSchema,
  VolumeOptionsSchema,
} from "./options-schemas.js";
export { OptionsValidationError, validateOptions } from "./validate.js";
