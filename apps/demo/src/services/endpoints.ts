/**
 * The clients of Almanach, Waldur and the SLA catalog: against the URLs the user gave, or against the
 * sandbox stand-ins started in this process on free loopback ports (closed by {@link Cleanup}).
 */
import { randomBytes } from "node:crypto";
import { createWaldurClient, type WaldurClient } from "@meterkit/allocation-client";
import { keystoneAuth } from "@meterkit/core";
import { type AlmanachClient, createAlmanachClient } from "@meterkit/ledger-client";
import { startAlmanach, startWaldur } from "@meterkit/sandbox";
import { type CatalogClient, createCatalogClient } from "@meterkit/sla-catalog-client";
import { startSlaCatalog } from "@meterkit/sla-catalog-server";
import type { DemoOptions } from "../cli/options.js";
import type { ServiceInfo } from "../report/model.js";
import { createCatalogDatabase } from "./catalog-database.js";
import type { Cleanup } from "./cleanup.js";

/** A connected service. */
export interface Connected<C> {
  client: C;
  info: ServiceInfo;
}

/** Almanach: the user's (token, else Keystone) or the stand-in (its default token). */
export async function connectAlmanach(
  options: DemoOptions,
  cleanup: Cleanup,
): Promise<Connected<AlmanachClient>> {
  const given = options.almanach;
  if (given) {
    const ks = options.keystone;
    if (given.token === undefined && !ks)
      throw new Error("[@meterkit/demo] --almanach-url needs --almanach-token or the Keystone settings");
    const auth =
      given.token === undefined && ks
        ? keystoneAuth({
            authUrl: ks.authUrl,
            username: ks.username,
            password: ks.password,
            userDomainName: ks.domain,
            projectName: ks.projectName,
            projectDomainName: ks.domain,
          })
        : undefined;
    const client = createAlmanachClient(
      auth ? { baseUrl: given.url, auth } : { baseUrl: given.url, token: given.token },
    );
    return {
      client,
      info: {
        name: "almanach",
        kind: "real",
        url: given.url,
        auth: given.token ? "X-Auth-Token" : "Keystone",
      },
    };
  }
  const token = "secret";
  const server = await startAlmanach({ token });
  cleanup.add("Almanach stand-in", () => server.close());
  return {
    client: createAlmanachClient({ baseUrl: server.url, token }),
    info: { name: "almanach", kind: "stand-in", url: server.url, auth: "X-Auth-Token" },
  };
}

/** Waldur: the user's or the stand-in (its default marketplace: two orders pending for the provider). */
export async function connectWaldur(
  options: DemoOptions,
  cleanup: Cleanup,
): Promise<Connected<WaldurClient>> {
  if (options.waldur) {
    const { url, token } = options.waldur;
    return {
      client: createWaldurClient({ baseUrl: url, token }),
      info: { name: "waldur", kind: "real", url, auth: "Authorization: token" },
    };
  }
  const server = await startWaldur();
  cleanup.add("Waldur stand-in", () => server.close());
  return {
    // The stand-in answers 409s at once, so a conflict needs no 2-second wait.
    client: createWaldurClient({ baseUrl: server.url, token: server.token, conflictRetry: { delayMs: 100 } }),
    info: { name: "waldur", kind: "stand-in", url: server.url, auth: "Authorization: token" },
  };
}

/**
 * The SLA catalog: the user's, or meterkit's own service (`@meterkit/sla-catalog-server`) started here, with its data in a fresh database on the project's
 * PostgreSQL when `postgres()` names one, else in embedded PGlite, in memory.
 */
export async function connectSlaCatalog(
  options: DemoOptions,
  cleanup: Cleanup,
  postgres: () => Promise<{ url: string; runId: string } | undefined>,
): Promise<Connected<CatalogClient>> {
  if (options.slaCatalog) {
    const { url, token } = options.slaCatalog;
    return {
      client: createCatalogClient({ baseUrl: url, token }),
      info: { name: "sla-catalog", kind: "real", url, auth: token === undefined ? "none" : "Bearer" },
    };
  }
  const pgServer = await postgres();
  const databaseUrl = pgServer
    ? await createCatalogDatabase(pgServer.url, pgServer.runId, cleanup)
    : undefined;
  // The catalog is closed without a token: this run's own admin token, random, accepted by this server only.
  const token =
    options.localCatalogToken ??
    `slac_${randomBytes(6).toString("hex")}_${randomBytes(24).toString("base64url")}`;
  const server = await startSlaCatalog({
    port: 0,
    databaseUrl,
    tokens: [{ token, role: "admin", name: "demo" }],
  });
  cleanup.add("SLA catalog service", () => server.close());
  return {
    client: createCatalogClient({ baseUrl: server.url, token }),
    info: {
      name: "sla-catalog",
      kind: "stand-in",
      url: server.url,
      auth: "Bearer (admin token)",
      note: `data in ${server.engine}`,
    },
  };
}
