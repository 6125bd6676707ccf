import { lazySchema } from "@meterkit/core";
import { z } from "zod";
import { bool, decimal, str, strOrNull } from "./fields.js";

/** Fields of OpenAPI 8.0.5 `BaseComponentUsage` this client types. @internal */
export const ComponentUsageRecordShape = () => ({
  uuid: str(),
  created: str(),
  description: str(),
  type: str(),
  name: str(),
  measured_unit: str(),
  usage: decimal(),
  date: str(),
  recurring: bool(),
});

/** @internal */
export const ComponentUsageRecordSchema = lazySchema(() => z.looseObject(ComponentUsageRecordShape()));

/** A usage already reported in a plan period. @public */
export type ComponentUsageRecord = z.infer<typeof ComponentUsageRecordSchema>;

/** Fields of OpenAPI 8.0.5 `ResourcePlanPeriod` this client types. @internal */
export const PlanPeriodShape = () => ({
  uuid: z.string(),
  plan_name: str(),
  plan_uuid: str(),
  start: strOrNull(),
  end: strOrNull(),
  components: z.array(ComponentUsageRecordSchema).optional(),
});

/** @internal */
export const PlanPeriodSchema = lazySchema(() => z.looseObject(PlanPeriodShape()));

/** A billing period of a resource's plan; its `uuid` is what usages are reported against. @public */
export type PlanPeriod = z.infer<typeof PlanPeriodSchema>;
