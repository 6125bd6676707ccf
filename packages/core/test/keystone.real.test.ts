/**
 * keystoneAuth against the real Keystone 22 from Debian's packages (tooling/services). The catalog holds
 * CloudKitty as type `rating`, name `cloudkitty`, in RegionOne, with public, internal and admin endpoints.
 */
import { Agent } from "undici";
import { afterAll, describe, expect, inject, it } from "vitest";
import {
  AuthError,
  createHttpClient,
  EndpointNotFoundError,
  keystoneAuth,
  logRequests,
} from "../src/index.js";

const env = inject("services");
const dispatcher = new Agent();
afterAll(() => dispatcher.close());

function admin(extra: Partial<Parameters<typeof keystoneAuth>[0]> = {}) {
  return keystoneAuth({
    authUrl: env.MK_KEYSTONE_URL!,
    username: env.MK_KEYSTONE_ADMIN_USER!,
    password: env.MK_KEYSTONE_ADMIN_PASSWORD!,
    projectName: env.MK_KEYSTONE_ADMIN_PROJECT ?? "admin",
    dispatcher,
    ...extra,
  });
}

describe("keystoneAuth with the real Keystone", () => {
  it("issues a fernet token once, with an expiry and the catalog", async () => {
    const lines: string[] = [];
    const auth = admin({ middleware: [logRequests({ debug: (m) => lines.push(m) })] });
    const [a, b] = await Promise.all([auth.token(), auth.token()]);
    expect(a.token).toBe(b.token);
    expect(a.token.length).toBeGreaterThan(100);
    expect(a.expiresAt!.getTime()).toBeGreaterThan(Date.now());
    expect(a.catalog.map((s) => s.type)).toEqual(expect.arrayContaining(["identity", "rating"]));
    expect(lines.filter((l) => l.includes("/auth/tokens"))).toHaveLength(1);
    expect(lines.join("\n")).not.toContain(a.token);
  });

  it("resolves endpoints by type, name and id, interface and region", async () => {
    const auth = admin();
    const { catalog } = await auth.token();
    const rating = catalog.find((s) => s.type === "rating")!;
    const resolve = (q: Parameters<typeof auth.endpoint>[0]) =>
      (auth.endpoint(q) as (c: object) => Promise<string>)({});
    const publicUrl = await resolve({ type: "rating" });
    // This suite starts Keystone only, so CloudKitty may not run yet: compare with the catalog's URL.
    expect(publicUrl).toBe(env.MK_KEYSTONE_RATING_URL);
    expect(await resolve({ name: "cloudkitty", interface: "admin", region: env.MK_KEYSTONE_REGION! })).toBe(
      publicUrl,
    );
    expect(await resolve({ id: rating.id!, interface: "internal" })).toBe(publicUrl);
    await expect(resolve({ type: "rating", region: "Atlantis" })).rejects.toThrow(EndpointNotFoundError);
  });

  it("authenticates requests to Keystone itself, and re-authenticates after the token is revoked", async () => {
    const auth = admin();
    const http = createHttpClient({ baseUrl: env.MK_KEYSTONE_URL!, auth, dispatcher });
    const users = await http.request<{ users: { name: string }[] }>({ method: "GET", path: "/users" });
    expect(users.data.users.map((u) => u.name)).toContain("admin");
    // Revoke the token through the API (DELETE /v3/auth/tokens with X-Subject-Token).
    const { token } = await auth.token();
    await http.request({ method: "DELETE", path: "/auth/tokens", headers: { "x-subject-token": token } });
    const again = await http.request<{ users: unknown[] }>({ method: "GET", path: "/users" });
    expect(again.data.users.length).toBeGreaterThan(0);
    expect((await auth.token()).token).not.toBe(token);
  });

  it("fails with AuthError and never shows the password", async () => {
    const error = (await admin({ password: "not-the-password-canary" })
      .token()
      .catch((e: unknown) => e)) as AuthError;
    expect(error).toBeInstanceOf(AuthError);
    expect(error.status).toBe(401);
    expect(`${error.message} ${JSON.stringify(error)} ${String(error.cause)}`).not.toContain(
      "not-the-password-canary",
    );
  });

  it("authenticates a member of another project with a project-scoped token", async () => {
    const auth = keystoneAuth({
      authUrl: env.MK_KEYSTONE_URL!,
      username: env.MK_KEYSTONE_DEMO_USER ?? "demo",
      password: env.MK_KEYSTONE_DEMO_PASSWORD ?? "demopass",
      projectName: env.MK_KEYSTONE_DEMO_PROJECT ?? "demo",
      dispatcher,
    });
    const { body } = await auth.token();
    expect((body.project as { name: string }).name).toBe(env.MK_KEYSTONE_DEMO_PROJECT ?? "demo");
  });
});
