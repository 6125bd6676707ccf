import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import type { HashMapContext } from "../context.js";
import { check, idInput, NamedInput } from "../inputs.js";
import { MAP_TYPES, type MapType, Service, ServiceList } from "../models.js";
import { H } from "./paths.js";

const ServiceRef = lazySchema(() => idInput("serviceId"));

const MapTypes = lazySchema(() => z.array(z.enum(MAP_TYPES)));

/** `GET …/types`: the mapping types the server knows (`["flat", "rate"]`). @public */
export async function listMapTypes(
  ctx: HashMapContext,
  _input: Record<string, never> = {},
  options?: CallOptions,
): Promise<MapType[]> {
  return (await ctx.http.request({ ...options, method: "GET", path: `${H}/types`, schema: MapTypes })).data;
}

/** `GET …/services` (the server has no filters here). @public */
export async function listServices(
  ctx: HashMapContext,
  _input: Record<string, never> = {},
  options?: CallOptions,
): Promise<Service[]> {
  const path = `${H}/services`;
  return (await ctx.http.request({ ...options, method: "GET", path, schema: ServiceList })).data.services;
}

/** `GET …/services/{id}`. @public */
export async function getService(
  ctx: HashMapContext,
  input: { serviceId: string },
  options?: CallOptions,
): Promise<Service> {
  const { serviceId: id } = check(ServiceRef, input);
  const path = `${H}/services/{id}`;
  return (await ctx.http.request({ ...options, method: "GET", path, pathParams: { id }, schema: Service }))
    .data;
}

/** `POST …/services`: `name` is the collected service (usage key), e.g. `instance`. @public */
export async function createService(
  ctx: HashMapContext,
  input: { name: string },
  options?: CallOptions,
): Promise<Service> {
  const body = check(NamedInput, input);
  return (
    await ctx.http.request({ ...options, method: "POST", path: `${H}/services`, body, schema: Service })
  ).data;
}

/**
 * `DELETE …/services/{id}`: always recursive: the server cascades to the service's fields and to every
 * mapping and threshold below them.
 * @public
 */
export async function deleteService(
  ctx: HashMapContext,
  input: { serviceId: string },
  options?: CallOptions,
): Promise<void> {
  const { serviceId: id } = check(ServiceRef, input);
  await ctx.http.request({ ...options, method: "DELETE", path: `${H}/services/{id}`, pathParams: { id } });
}
