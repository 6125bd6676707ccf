import { type CallOptions, type HttpClient, validateInput } from "@meterkit/core";
import { call } from "../call.js";
import { CreateFieldInput, PKG, Uuid } from "../inputs.js";
import { Field, FieldList } from "../models.js";
import { H } from "./paths.js";

/** `GET …/fields?service_id=`: the fields of one service (the server requires the service). @public */
export async function listFields(
  http: HttpClient,
  serviceId: string,
  options?: CallOptions,
): Promise<Field[]> {
  const id = validateInput(Uuid, serviceId, { package: PKG, root: "serviceId" });
  return (
    await call(
      http,
      { method: "GET", path: `${H}/fields`, query: { service_id: id }, schema: FieldList },
      options,
    )
  ).fields;
}

/** `GET …/fields/{id}`. @public */
export async function getField(http: HttpClient, fieldId: string, options?: CallOptions): Promise<Field> {
  const id = validateInput(Uuid, fieldId, { package: PKG, root: "fieldId" });
  return call(http, { method: "GET", path: `${H}/fields/{id}`, pathParams: { id }, schema: Field }, options);
}

/** `POST …/fields`: `name` is a key of the usage's desc, e.g. `flavor_id`. @public */
export async function createField(
  http: HttpClient,
  input: CreateFieldInput,
  options?: CallOptions,
): Promise<Field> {
  const body = validateInput(CreateFieldInput, input, { package: PKG });
  return call(http, { method: "POST", path: `${H}/fields`, body, schema: Field }, options);
}

/** `DELETE …/fields/{id}`: always recursive (the server cascades to its mappings and thresholds). @public */
export async function deleteField(http: HttpClient, fieldId: string, options?: CallOptions): Promise<void> {
  const id = validateInput(Uuid, fieldId, { package: PKG, root: "fieldId" });
  await call(http, { method: "DELETE", path: `${H}/fields/{id}`, pathParams: { id } }, options);
}
