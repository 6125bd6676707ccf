import { ensureServices } from "@meterkit/services";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    services: Record<string, string>;
  }
}

/** The real Keystone (and its PostgreSQL), from Debian's packages; shared by every package's tests. */
export default async function setup(project: TestProject): Promise<void> {
  project.provide("services", await ensureServices(["keystone"]));
}
