import type { TestProject } from "vitest/node";
import { ensureServices } from "../index.js";

declare module "vitest" {
  export interface ProvidedContext {
    services: Record<string, string>;
  }
}

/** The pattern every package uses: start what the tests need once, hand the URLs to the workers. */
export default async function setup(project: TestProject): Promise<void> {
  project.provide("services", await ensureServices(["postgres", "keystone", "cloudkitty"]));
}
