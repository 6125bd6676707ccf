/**
 * Which OpenAPI 8.0.5 component schema each typed response shape follows, by the function that builds the
 * shape (so that importing this builds nothing). Used by the tests that check the zod schemas against
 * Waldur's published schema; not part of the public API.
 * @internal
 */
import { OfferingComponentShape, OfferingShape } from "./offering.js";
import { OfferingUserShape } from "./offering-user.js";
import { OrderShape } from "./order.js";
import { ComponentUsageRecordShape, PlanPeriodShape } from "./plan-period.js";
import { ReportSectionShape, ResourceShape } from "./resource.js";
import { SshKeyShape } from "./ssh-key.js";
import { ProjectUserShape } from "./team.js";
import { UserShape } from "./user.js";

/** @internal */
export const OPENAPI_SHAPES = {
  User: UserShape,
  SshKey: SshKeyShape,
  Resource: ResourceShape,
  ReportSection: ReportSectionShape,
  OrderDetails: OrderShape,
  ProviderOfferingDetails: OfferingShape,
  OfferingComponent: OfferingComponentShape,
  ProjectUser: ProjectUserShape,
  ResourcePlanPeriod: PlanPeriodShape,
  BaseComponentUsage: ComponentUsageRecordShape,
  OfferingUser: OfferingUserShape,
} as const;
