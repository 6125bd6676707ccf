import { ensureServices } from "@meterkit/services";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    services: Record<string, string>;
  }
}

/** Start (or reuse) the real CloudKitty 17 + Keystone once per run and hand their URLs to the test files. */
export default async function setup(project: TestProject): Promise<void> {
  if (process.env.MK_SKIP_SERVICES === "1") {
    project.provide("services", {});
    return;
  }
  try {
    project.provide("services", await ensureServices(["cloudkitty"]));
  } catch (error) {
    throw new Error(
      "[@meterkit/rating-hashmap-client] these tests need the real CloudKitty 17 (Debian packages) and could not start it.\n" +
        "Start it with `bash tooling/services/services.sh up cloudkitty` (as root it installs the packages), " +
        "or run with MK_SKIP_SERVICES=1 to skip the tests that need it.\n" +
        String((error as Error).message),
    );
  }
}
