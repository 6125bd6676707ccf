import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { HttpError, isSdkError } from "@meterkit/core";
import { afterAll, beforeAll, expect, it } from "vitest";
// The built copy: a second instance of the package's modules, as two installed copies would be.
import { CatalogError as BuiltCatalogError } from "../dist/index.js";
import {
  CatalogError,
  createCatalogClient,
  createCatalogContext,
  getProduct,
  isCatalogError,
} from "../src/index.js";

// A server that refuses with a problem details body on /products/1 and with a proxy's HTML page elsewhere,
// and remembers the headers it was sent.
let server: Server;
let base = "";
const seen: IncomingHttpHeaders[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers);
    if (req.url?.startsWith("/sla-catalog/v1/products/1")) {
      res.writeHead(404, { "content-type": "application/problem+json" });
      res.end(
        JSON.stringify({
          type: "about:blank",
          title: "Not Found",
          status: 404,
          code: "not_found",
          detail: "product 1 does not exist",
        }),
      );
    } else {
      res.writeHead(502, { "content-type": "text/html" });
      res.end("<html><body>Bad gateway</body></html>");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sla-catalog/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

it("maps a problem details body to CatalogError and leaves any other failure core's HttpError", async () => {
  const c = createCatalogClient({ baseUrl: base });
  const missing = await failure(c.products.get({ productId: 1 }));
  expect(missing).toBeInstanceOf(CatalogError);
  expect(missing).toMatchObject({
    status: 404,
    problemCode: "not_found",
    detail: "product 1 does not exist",
  });
  expect(isCatalogError(missing, "not_found")).toBe(true);
  expect(isCatalogError(missing, "in_use")).toBe(false);
  const gateway = await failure(c.products.get({ productId: 2 }));
  expect(isSdkError(gateway, "http_error") && gateway.status).toBe(502);
  expect(gateway).toBeInstanceOf(HttpError);
  expect(gateway).not.toBeInstanceOf(CatalogError);
  expect(isCatalogError(gateway)).toBe(false);
});

it("recognises a CatalogError from another copy of the package", async () => {
  const source = new HttpError({ status: 409, method: "DELETE", url: base, body: null, headers: {} });
  const problem = { type: "about:blank", title: "Conflict", status: 409, code: "in_use", detail: "used" };
  const other = new BuiltCatalogError(source, problem);
  expect(other).not.toBeInstanceOf(CatalogError);
  expect(isCatalogError(other, "in_use")).toBe(true);
  expect(isCatalogError(source)).toBe(false);
  expect(isCatalogError({ code: "http_error", problemCode: "in_use" })).toBe(false);
});

it("sends token as a bearer and maps errors for standalone operations and a given HttpClient too", async () => {
  seen.length = 0;
  const context = createCatalogContext({ baseUrl: base, token: "s3cret" });
  expect(await failure(getProduct(context, { productId: 1 }))).toBeInstanceOf(CatalogError);
  expect(seen[0]?.authorization).toBe("Bearer s3cret");
  expect(seen[0]?.["user-agent"]).toMatch(/^meterkit-sla-catalog-client /);
  const reused = createCatalogClient(context.http);
  expect(await failure(reused.products.get({ productId: 1 }))).toBeInstanceOf(CatalogError);
});

it("refuses options it does not know, naming them", () => {
  expect(() => createCatalogClient({ baseUrl: base, url: base } as never)).toThrow(/url/);
});

it("refuses a malformed or unknown list filter, naming it, before anything is sent", () => {
  seen.length = 0;
  const c = createCatalogClient({ baseUrl: base, token: "t" });
  const refused = (list: () => unknown, field: string) => {
    let error: unknown;
    try {
      list();
    } catch (e) {
      error = e;
    }
    expect(isSdkError(error, "invalid_input")).toBe(true);
    expect((error as Error).message).toContain(field);
  };
  refused(() => c.products.list({ partyId: 1.5 }), "partyId");
  refused(() => c.offers.list({ productId: 0 }), "productId");
  refused(() => c.prices.list({ kind: "tiered" } as never), "kind");
  refused(() => c.parties.list({ state: "APPROVED" } as never), "state");
  refused(() => c.guarantees.list({ type: 7 } as never), "type");
  expect(seen).toHaveLength(0);
  // Well-formed filters pass through untouched.
  expect(() => c.products.list({ partyId: 3, status: "ACTIVE", category: "compute" })).not.toThrow();
});
