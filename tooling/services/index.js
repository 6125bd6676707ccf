// Plain ESM, no build step: this package only wraps services.sh for Node callers.
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

const SCRIPT = fileURLToPath(new URL("./services.sh", import.meta.url));
const SERVICE_NAMES = ["postgres", "keystone", "cloudkitty"];
// The keys `services.sh env` must print once each service is up.
const REQUIRED_KEYS = {
  postgres: ["MK_PG_URL"],
  keystone: ["MK_KEYSTONE_URL", "MK_KEYSTONE_ADMIN_USER", "MK_KEYSTONE_ADMIN_PASSWORD", "MK_KEYSTONE_REGION"],
  cloudkitty: ["MK_CLOUDKITTY_URL", "MK_CLOUDKITTY_NOAUTH_URL"],
};

/**
 * @param {readonly string[]} args
 * @param {NodeJS.ProcessEnv} env
 * @returns {Promise<string>}
 */
function runScript(args, env) {
  return new Promise((resolve, reject) => {
    execFile("bash", [SCRIPT, ...args], { env, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) {
        const tail = String(stderr).trim().split("\n").slice(-15).join("\n");
        reject(
          new Error(
            `[@meterkit/services] services.sh ${args.join(" ")} failed (${error.message.split("\n")[0]})\n${tail}`,
          ),
        );
        return;
      }
      resolve(String(stdout));
    });
  });
}

/**
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseServicesEnv(text) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const line of text.split("\n")) {
    const eq = line.indexOf("=");
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

/**
 * @param {readonly ("postgres" | "keystone" | "cloudkitty")[]} names
 * @param {{ servicesDir?: string }} [options]
 * @returns {Promise<Record<string, string>>}
 */
export async function ensureServices(names, options = {}) {
  if (!Array.isArray(names) || names.length === 0) {
    throw new TypeError(
      `[@meterkit/services] names must be a non-empty array of ${SERVICE_NAMES.join(", ")}`,
    );
  }
  names.forEach((name, index) => {
    if (!SERVICE_NAMES.includes(name)) {
      throw new TypeError(
        `[@meterkit/services] names[${index}] must be one of ${SERVICE_NAMES.join(", ")}, got ${JSON.stringify(name)}`,
      );
    }
  });
  const env =
    options.servicesDir === undefined
      ? process.env
      : { ...process.env, MK_SERVICES_DIR: options.servicesDir };
  await runScript(["up", ...names], env);
  const values = parseServicesEnv(await runScript(["env"], env));
  for (const name of names) {
    for (const key of REQUIRED_KEYS[name]) {
      if (!values[key])
        throw new Error(`[@meterkit/services] ${name} was started but services.sh env has no ${key}`);
    }
  }
  return values;
}
