import { lazySchema } from "@meterkit/core";
import { z } from "zod";
import { anyValue, bool, decimal, str, strOrNull } from "./fields.js";

/** One section of a resource's access report. @public */
export interface ReportSection {
  header: string;
  body: string;
}

/** @internal */
export const ReportSectionShape = () => ({ header: str(), body: str() });

/** Fields of OpenAPI 8.0.5 `Resource` this client types. @internal */
export const ResourceShape = () => ({
  url: str(),
  uuid: str(),
  name: str(),
  description: str(),
  state: str(),
  created: str(),
  modified: str(),
  backend_id: strOrNull(),
  effective_id: strOrNull(),
  offering: str(),
  offering_name: str(),
  offering_uuid: str(),
  offering_type: str(),
  provider_name: str(),
  provider_uuid: str(),
  plan: strOrNull(),
  plan_name: strOrNull(),
  plan_uuid: strOrNull(),
  project: str(),
  project_uuid: str(),
  project_name: str(),
  customer_uuid: str(),
  customer_name: str(),
  resource_uuid: strOrNull(),
  resource_type: strOrNull(),
  scope: strOrNull(),
  attributes: anyValue(),
  limits: z.record(z.string(), decimal()).nullable().optional(),
  current_usages: z.record(z.string(), decimal()).nullable().optional(),
  is_usage_based: bool(),
  is_limit_based: bool(),
  can_terminate: bool(),
  report: z.array(z.looseObject(ReportSectionShape())).nullable().optional(),
  end_date: strOrNull(),
  username: strOrNull(),
});

/** @internal */
export const ResourceSchema = lazySchema(() => z.looseObject(ResourceShape()));

/** A marketplace resource (an allocation), as `marketplace-resources/` and `marketplace-provider-resources/` list it. @public */
export type Resource = z.infer<typeof ResourceSchema>;

/** The `{"status": "…"}` answer of `set_backend_id` and `submit_report`. @internal */
export const ResourceStatusSchema = lazySchema(() => z.looseObject({ status: z.string() }));

/** What `set_backend_id` and `submit_report` answer. @public */
export type ResourceStatus = z.infer<typeof ResourceStatusSchema>;
