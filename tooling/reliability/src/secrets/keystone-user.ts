/**
 * A throw-away Keystone user whose password is the canary, so the "right password" path of the secrets
 * check runs against the real Keystone. Created and removed with the admin credentials of `services.sh env`.
 */
import { request } from "undici";

/** The created user; `remove()` deletes it. */
export interface KeystoneUser {
  readonly name: string;
  readonly project: string;
  remove(): Promise<void>;
}

async function call(
  url: string,
  method: "GET" | "POST" | "PUT" | "DELETE",
  token: string | undefined,
  body?: unknown,
) {
  const response = await request(url, {
    method,
    headers: { "content-type": "application/json", ...(token ? { "x-auth-token": token } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.body.text();
  if (response.statusCode >= 400)
    throw new Error(`Keystone ${method} ${url} answered ${response.statusCode}`);
  return { headers: response.headers, data: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Create a user with `password` and the `member` (or `admin`) role on the demo project. */
export async function createCanaryUser(env: Record<string, string>, password: string): Promise<KeystoneUser> {
  const base = (env.MK_KEYSTONE_URL as string).replace(/\/$/, "");
  const admin = await call(`${base}/auth/tokens`, "POST", undefined, {
    auth: {
      identity: {
        methods: ["password"],
        password: {
          user: {
            name: env.MK_KEYSTONE_ADMIN_USER,
            password: env.MK_KEYSTONE_ADMIN_PASSWORD,
            domain: { id: "default" },
          },
        },
      },
      scope: { project: { name: env.MK_KEYSTONE_ADMIN_PROJECT ?? "admin", domain: { id: "default" } } },
    },
  });
  const token = String(admin.headers["x-subject-token"]);
  const project = env.MK_KEYSTONE_DEMO_PROJECT ?? "demo";
  const projects = (await call(`${base}/projects?name=${encodeURIComponent(project)}`, "GET", token)).data
    .projects as { id: string }[];
  const roles = (await call(`${base}/roles`, "GET", token)).data.roles as { id: string; name: string }[];
  const role = roles.find((r) => r.name === "member") ?? roles.find((r) => r.name === "admin");
  const projectId = projects[0]?.id;
  if (!role || !projectId) throw new Error("Keystone has no demo project or member role");
  const name = `mk-canary-${Date.now().toString(36)}`;
  const user = (
    await call(`${base}/users`, "POST", token, {
      user: { name, password, domain_id: "default", enabled: true },
    })
  ).data.user as { id: string };
  await call(`${base}/projects/${projectId}/users/${user.id}/roles/${role.id}`, "PUT", token);
  return {
    name,
    project,
    remove: async () => {
      await call(`${base}/users/${user.id}`, "DELETE", token);
    },
  };
}
