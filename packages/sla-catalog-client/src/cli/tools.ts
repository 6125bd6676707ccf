import type { ToolSpec } from "./spec.js";
import { CATALOG_TOOLS } from "./tools-catalog.js";
import { DELETE_TOOLS } from "./tools-delete.js";
import { PRICING_TOOLS } from "./tools-pricing.js";

/** Every tool the CLI knows, in the seed's order. @internal */
export const TOOLS: readonly ToolSpec[] = [...CATALOG_TOOLS, ...PRICING_TOOLS, ...DELETE_TOOLS];
