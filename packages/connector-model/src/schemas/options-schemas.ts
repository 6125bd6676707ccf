import { z } from "zod";
import { Connections } from "../models/connections.js";
import { ImageDetail } from "../models/image-detail.js";
import { IpAddress } from "../models/ip-address.js";
import { Locations } from "../models/locations.js";
import { Metadata } from "../models/metadata.js";
import { Region } from "../models/region.js";
import type { Clock } from "../time/clock.js";
import { PreciseDateTime } from "../time/precise-datetime.js";

// These schemas check the *documented* types of each option, which is stricter than the
// constructors: the constructors accept what the original accepts (and emit it unchanged),
// the schemas catch a connector author's mistakes early, naming the field.

const str = z.string().nullish();
const num = z.number().nullish();
const bool = z.boolean().nullish();
const dateInput = z.union([z.string(), z.date(), z.instanceof(PreciseDateTime)]).nullish();

/** Options every resource accepts. @public */
export const BaseResourceOptionsSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  region: z.instanceof(Region).nullish(),
  locations: z.instanceof(Locations).nullish(),
  providerCreatedAt: dateInput,
  metadata: z.instanceof(Metadata).nullish(),
  nativePortalLink: str,
  connections: z.instanceof(Connections).nullish(),
  clock: z.custom<Clock>((value) => typeof value === "function").optional(),
});

/** Options of `Resource`. @public */
export const ResourceOptionsSchema = BaseResourceOptionsSchema.extend({ type: z.string() });

/** Options of `Server`. @public */
export const ServerOptionsSchema = BaseResourceOptionsSchema.extend({
  cpuHz: num,
  cpuCores: num,
  ramB: num,
  volumesB: num,
  state: z.enum(["unknown", "pending", "running", "shutting", "terminated", "stopping", "stopped"]).nullish(),
  providerState: str,
  imageDetail: z.instanceof(ImageDetail).nullish(),
  instanceType: str,
  ipAddresses: z.array(z.instanceof(IpAddress)).nullish(),
  isVirtual: bool,
});

/** Options of `Volume`; `iops` must be something Python's `int()` accepts. @public */
export const VolumeOptionsSchema = BaseResourceOptionsSchema.extend({
  sizeB: num,
  encrypted: bool,
  iops: z.union([z.number().finite(), z.bigint(), z.string().regex(/^\s*[+-]?\d+(?:_\d+)*\s*$/)]).nullish(),
  zoneName: str,
});

/** Options of `Network`. @public */
export const NetworkOptionsSchema = BaseResourceOptionsSchema;

/** Options of `Appliance`. @public */
export const ApplianceOptionsSchema = BaseResourceOptionsSchema.extend({
  sizeB: num,
  typeId: z.enum(["firewall", "load_balancer", "router", "switch", "storage", "kvm", "unknown"]).nullish(),
});

/** Options of `ServiceOffering`. @public */
export const ServiceOfferingOptionsSchema = BaseResourceOptionsSchema.extend({ typeId: str });

/** Options of `ComputePool`. @public */
export const ComputePoolOptionsSchema = BaseResourceOptionsSchema.extend({
  cpuHz: num,
  memoryB: num,
  storageB: num,
  billingTag: str,
});

/** Options of `SaasUser`. @public */
export const SaasUserOptionsSchema = BaseResourceOptionsSchema.extend({
  avatarUrl: str,
  phone: str,
  address: str,
  language: str,
  isActive: bool,
  diskQuotaB: z.union([z.number(), z.string()]).nullish(),
  diskUsedB: z.union([z.number(), z.string()]).nullish(),
  email: str,
  country: str,
});

/** Options of `ColoSpace`. @public */
export const ColoSpaceOptionsSchema = BaseResourceOptionsSchema.extend({
  powerAllocationW: num,
  typeId: str,
  coloSpaceLocation: str,
  customerName: str,
  customerLabel: str,
  customerDescription: str,
  combination: str,
});

/** Options of `Circuit`. @public */
export const CircuitOptionsSchema = BaseResourceOptionsSchema.extend({
  typeId: str,
  carrier: str,
  reference: str,
  endpointA: str,
  endpointB: str,
});

const level = z
  .looseObject({ id: z.string().optional(), name: z.string().optional() })
  .refine(
    (value) => value.id !== undefined || value.name !== undefined,
    "one of id or name must be specified",
  );

/** Options of `Locations`. @public */
export const LocationsOptionsSchema = z.strictObject({
  locations: z.array(
    z.looseObject({
      location: level.optional(),
      city: level.optional(),
      state: level.optional(),
      country: level.optional(),
      region: level.optional(),
      type: z.enum(["customer", "provider"]).nullish(),
    }),
  ),
});

/** Options of `Region`. @public */
export const RegionOptionsSchema = z.strictObject({ id: z.string() });

const ids = z.array(z.unknown()).nullish();

/** Options of `Connections` and `Connections#add` (arrays only: a string would be split into characters). @public */
export const ConnectionsOptionsSchema = z.strictObject({
  type: str,
  connections: ids,
  appliances: ids,
  servers: ids,
  networks: ids,
  volumes: ids,
});

/** Options of `Metadata`. @public */
export const MetadataOptionsSchema = z.strictObject({
  values: z
    .array(
      z.union([
        z.tuple([z.string(), z.unknown()]),
        z.tuple([z.string().nullable(), z.string(), z.unknown()]),
      ]),
    )
    .nullish(),
  defaultNamespace: str,
});

/** Options of `IpAddress`. @public */
export const IpAddressOptionsSchema = z.strictObject({
  ipAddress: str,
  networkId: str,
  networkName: str,
  description: str,
});

/** Options of `ImageDetail`. @public */
export const ImageDetailOptionsSchema = z.strictObject({
  id: z.string(),
  name: str,
  type: str,
  distribution: str,
  version: str,
  architecture: str,
});

/** Options of `Account`. @public */
export const AccountOptionsSchema = z.strictObject({
  id: str,
  metadata: z.instanceof(Metadata).nullish(),
});
