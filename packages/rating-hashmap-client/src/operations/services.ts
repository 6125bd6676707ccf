import { type CallOptions, type HttpClient, validateInput } from "@meterkit/core";
import { z } from "zod";
import { call } from "../call.js";
import { NamedInput, PKG, Uuid } from "../inputs.js";
import { MAP_TYPES, type MapType, Service, ServiceList } from "../models.js";
import { H } from "./paths.js";

/** `GET …/types`: the mapping types the server knows (`["flat", "rate"]`). @public */
export async function listMapTypes(http: HttpClient, options?: CallOptions): Promise<MapType[]> {
  return call(http, { method: "GET", path: `${H}/types`, schema: z.array(z.enum(MAP_TYPES)) }, options);
}

/** `GET …/services` (the server has no filters here). @public */
export async function listServices(http: HttpClient, options?: CallOptions): Promise<Service[]> {
  return (await call(http, { method: "GET", path: `${H}/services`, schema: ServiceList }, options)).services;
}

/** `GET …/services/{id}`. @public */
export async function getService(
  http: HttpClient,
  serviceId: string,
  options?: CallOptions,
): Promise<Service> {
  const id = validateInput(Uuid, serviceId, { package: PKG, root: "serviceId" });
  return call(
    http,
    { method: "GET", path: `${H}/services/{id}`, pathParams: { id }, schema: Service },
    options,
  );
}

/** `POST …/services`: `name` is the collected service (usage key), e.g. `instance`. @public */
export async function createService(
  http: HttpClient,
  input: { name: string },
  options?: CallOptions,
): Promise<Service> {
  const body = validateInput(NamedInput, input, { package: PKG });
  return call(http, { method: "POST", path: `${H}/services`, body, schema: Service }, options);
}

/**
 * `DELETE …/services/{id}`: always recursive: the server cascades to the service's fields and to every
 * mapping and threshold below them.
 * @public
 */
export async function deleteService(
  http: HttpClient,
  serviceId: string,
  options?: CallOptions,
): Promise<void> {
  const id = validateInput(Uuid, serviceId, { package: PKG, root: "serviceId" });
  await call(http, { method: "DELETE", path: `${H}/services/{id}`, pathParams: { id } }, options);
}
