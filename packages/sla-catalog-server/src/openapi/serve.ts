import { readFileSync } from "node:fs";
import { ROUTES } from "../server.js";
import { openApiDocument } from "./build.js";
import type { JsonSchema } from "./schemas.js";

let cached: string | undefined;

/** The document as served at `/openapi.json` and shipped as `@meterkit/sla-catalog-server/openapi.json`. @internal */
export function openApi(basePath: string): JsonSchema {
  return JSON.parse(openApiText(basePath)) as JsonSchema;
}

/** The serialised document, built once per process (it depends on nothing but the code). @internal */
export function openApiText(basePath: string): string {
  if (cached === undefined) {
    // package.json sits one level above both src/ (tests) and dist/ (installed).
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    cached = `${JSON.stringify(openApiDocument(ROUTES, version, basePath), null, 2)}\n`;
  }
  return cached;
}
