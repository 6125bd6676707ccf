import { type CallOptions, lazySchema } from "@meterkit/core";
import type { HashMapContext } from "../context.js";
import { CreateFieldInput, check, idInput } from "../inputs.js";
import { Field, FieldList } from "../models.js";
import { H } from "./paths.js";

const ServiceRef = lazySchema(() => idInput("serviceId"));
const FieldRef = lazySchema(() => idInput("fieldId"));

/** `GET …/fields?service_id=`: the fields of one service (the server requires the service). @public */
export async function listFields(
  ctx: HashMapContext,
  input: { serviceId: string },
  options?: CallOptions,
): Promise<Field[]> {
  const { serviceId } = check(ServiceRef, input);
  const query = { service_id: serviceId };
  return (
    await ctx.http.request({ ...options, method: "GET", path: `${H}/fields`, query, schema: FieldList })
  ).data.fields;
}

/** `GET …/fields/{id}`. @public */
export async function getField(
  ctx: HashMapContext,
  input: { fieldId: string },
  options?: CallOptions,
): Promise<Field> {
  const { fieldId: id } = check(FieldRef, input);
  const path = `${H}/fields/{id}`;
  return (await ctx.http.request({ ...options, method: "GET", path, pathParams: { id }, schema: Field }))
    .data;
}

/** `POST …/fields`: `name` is a key of the usage's desc, e.g. `flavor_id`. @public */
export async function createField(
  ctx: HashMapContext,
  input: CreateFieldInput,
  options?: CallOptions,
): Promise<Field> {
  const body = check(CreateFieldInput, input);
  return (await ctx.http.request({ ...options, method: "POST", path: `${H}/fields`, body, schema: Field }))
    .data;
}

/** `DELETE …/fields/{id}`: always recursive (the server cascades to its mappings and thresholds). @public */
export async function deleteField(
  ctx: HashMapContext,
  input: { fieldId: string },
  options?: CallOptions,
): Promise<void> {
  const { fieldId: id } = check(FieldRef, input);
  await ctx.http.request({ ...options, method: "DELETE", path: `${H}/fields/{id}`, pathParams: { id } });
}
