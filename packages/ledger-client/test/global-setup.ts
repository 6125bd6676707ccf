import { ensureServices } from "@meterkit/services";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    services: Record<string, string>;
  }
}

/** The real Keystone for the endpoint-lookup tests (started once, shared with other packages). */
export default async function setup(project: TestProject): Promise<void> {
  project.provide("services", await ensureServices(["keystone"]));
}
