import { z } from "zod";
import type { Route } from "../http/router.js";
import { REGISTRIES } from "../model/enums.js";
import { OPERATIONS, SCHEMAS } from "./document.js";
import { type JsonSchema, PROBLEM, rowSchema } from "./schemas.js";

const ERRORS: Readonly<Record<number, string>> = {
  400: "Malformed request (bad JSON, query parameter or path segment)",
  401: "No token, or a token that is unknown or revoked (WWW-Authenticate: Bearer)",
  403: "The token's role or party may not do this",
  404: "The resource named in the path does not exist",
  409: "Conflict: the id or key is taken, the resource is still referenced (in_use), or its state forbids it",
  415: "The body is not application/json",
  422: "Invalid fields, each named in errors[] (also a reference to something that does not exist)",
};

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});

function parameter(name: string): JsonSchema {
  const schema =
    name === "registry"
      ? { type: "string", enum: [...REGISTRIES] }
      : name === "id" || name === "guaranteeId"
        ? { type: "integer", minimum: 1, maximum: 2_147_483_647 }
        : { type: "string" };
  return { name, in: "path", required: true, schema };
}

function operation(route: Route, key: string): JsonSchema {
  const spec = OPERATIONS[key];
  if (!spec) throw new Error(`[@meterkit/sla-catalog-server] no OpenAPI operation for ${key}`);
  const pathParams = [...route.pattern.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
  // A template is keyed by its UUID, which is text, not an integer id.
  const params = pathParams.map((p) =>
    route.pattern.startsWith("/templates/") && p === "id"
      ? { name: "id", in: "path", required: true, schema: { type: "string" } }
      : parameter(p),
  );
  if (spec.list) {
    params.push(
      { name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 1000, default: 100 } },
      { name: "offset", in: "query", schema: { type: "integer", minimum: 0, default: 0 } },
    );
    for (const [name, filter] of Object.entries(route.filters ?? {}))
      params.push({ name, in: "query", schema: { type: filter.type === "int" ? "integer" : "string" } });
  }
  const ref = spec.schema ? { $ref: `#/components/schemas/${spec.schema}` } : undefined;
  const ok: JsonSchema = { description: spec.ok === 204 ? "Done" : spec.ok === 201 ? "Created" : "OK" };
  if (ref) ok.content = { "application/json": { schema: spec.list ? { type: "array", items: ref } : ref } };
  if (spec.ok === 201) ok.headers = { Location: { schema: { type: "string", format: "uri" } } };
  if (spec.list)
    ok.headers = {
      "X-Result-Count": { description: "rows matching the filters", schema: { type: "integer" } },
      Link: { description: 'the next page, `<…>; rel="next"`', schema: { type: "string" } },
    };
  const errors = [401, 403];
  if (spec.list || spec.body) errors.push(400);
  if (pathParams.length > 0) errors.push(404);
  const conflicts =
    (route.method === "POST" && spec.body) ||
    (route.method === "DELETE" && spec.ok === 204 && !route.pattern.startsWith("/priced-items"));
  if (conflicts) errors.push(409);
  if (spec.body) errors.push(415, 422);
  const responses: Record<string, unknown> = { [String(spec.ok)]: ok };
  for (const status of errors.sort()) responses[String(status)] = problem(ERRORS[status] ?? "");
  return {
    operationId: `${route.method.toLowerCase()}${route.pattern.replace(/[/:-](\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: spec.summary,
    ...(spec.tool ? { description: `SLA@SOI provider tool: \`${spec.tool}\`.` } : {}),
    tags: [route.pattern.split("/")[1] ?? ""],
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: z.toJSONSchema(spec.body, { io: "input", unrepresentable: "any" }),
              },
            },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the API, built from the routes, their body schemas and the table specs. */
export function openApiDocument(routes: readonly Route[], version: string, basePath: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.pattern.replace(/:(\w+)/g, "{$1}");
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method.toLowerCase()] = operation(
      route,
      `${route.method} ${route.pattern}`,
    );
  }
  const schemas: Record<string, JsonSchema> = { Problem: PROBLEM };
  for (const [name, [table, extra]] of Object.entries(SCHEMAS)) schemas[name] = rowSchema(table, extra);
  return {
    openapi: "3.1.0",
    info: {
      title: "SLA catalog",
      version,
      summary: "The SLA catalog behind the SLA@SOI provider tools (@meterkit/sla-catalog-server).",
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
    },
    servers: [{ url: basePath, description: "relative to the server's origin" }],
    security: [{ apiToken: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        apiToken: {
          type: "http",
          scheme: "bearer",
          description:
            "An API token made with `sla-catalog-server token create` (roles admin, provider, reader).",
        },
      },
    },
  };
}
