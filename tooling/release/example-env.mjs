// The environment README examples may read, the way a user's shell would hold it: OpenStack's OS_*
// variables for Keystone, and each service's URL and token. Real services come from tooling/services,
// the stand-ins from the sandbox and the SLA catalog service (started in this process).
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export async function exampleEnv(root) {
  const { ensureServices } = await import(pathToFileURL(join(root, "tooling/services/index.js")).href);
  const services = await ensureServices(["postgres", "keystone", "cloudkitty"]);
  const env = {
    OS_AUTH_URL: services.MK_KEYSTONE_URL,
    OS_USERNAME: services.MK_KEYSTONE_ADMIN_USER,
    OS_PASSWORD: services.MK_KEYSTONE_ADMIN_PASSWORD,
    OS_PROJECT_NAME: services.MK_KEYSTONE_ADMIN_PROJECT ?? "admin",
    OS_USER_DOMAIN_NAME: "Default",
    OS_PROJECT_DOMAIN_NAME: "Default",
    OS_REGION_NAME: services.MK_KEYSTONE_REGION,
    CLOUDKITTY_URL: services.MK_CLOUDKITTY_NOAUTH_URL,
  };
  const closers = [];
  try {
    const sandbox = {
      ...(await import(pathToFileURL(join(root, "apps/sandbox/dist/index.js")).href)),
      // meterkit's own catalog service, started the same way as the stand-ins.
      ...(await import(pathToFileURL(join(root, "packages/sla-catalog-server/dist/index.js")).href)),
    };
    for (const [start, urlKey, tokenKey, token] of [
      ["startAlmanach", "ALMANACH_URL", "ALMANACH_TOKEN", "secret"],
      ["startWaldur", "WALDUR_URL", "WALDUR_TOKEN", "sandbox-token"],
      ["startSlaCatalog", "SLA_CATALOG_URL", "SLA_CATALOG_TOKEN", "pack-check-catalog-admin-token"],
    ]) {
      if (typeof sandbox[start] !== "function") continue;
      // The SLA catalog is closed without a token: it accepts the one the examples read.
      const service = await sandbox[start](
        start === "startSlaCatalog" ? { tokens: [{ token, role: "admin" }] } : {},
      );
      closers.push(service.close);
      env[urlKey] = service.url;
      env[tokenKey] = service.token ?? token;
    }
  } catch (error) {
    console.error(`pack check: the sandbox stand-ins are not available (${error.message})`);
  }
  Object.defineProperty(env, "close", {
    enumerable: false,
    value: () => Promise.all(closers.map((c) => c())),
  });
  return env;
}
