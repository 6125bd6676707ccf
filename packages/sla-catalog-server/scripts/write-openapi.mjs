// Build step: writes the OpenAPI document next to the compiled code, so that the package ships it as
// `@meterkit/sla-catalog-server/openapi.json` (the same text the server answers at GET /openapi.json).
import { writeFileSync } from "node:fs";
import { openApiText } from "../dist/openapi/serve.js";
import { BASE_PATH } from "../dist/server.js";

writeFileSync(new URL("../dist/openapi.json", import.meta.url), openApiText(BASE_PATH));
