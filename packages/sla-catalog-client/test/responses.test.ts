import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { collect, ResponseValidationError } from "@meterkit/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createCatalogClient } from "../src/index.js";

// A server that answers with the wrong shapes, to prove responses are checked on arrival.
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url?.startsWith("/v1/products/1")) res.end(JSON.stringify({ id: "one", name: 3 }));
    else if (req.url?.startsWith("/v1/products")) res.end(JSON.stringify([{ id: 1 }]));
    else
      res.end(
        JSON.stringify({
          id: 7,
          name: "N",
          type: "t",
          ovfReservation: false,
          priceId: null,
          guaranteeIds: [],
          extra: "kept",
        }),
      );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it("rejects a response of the wrong shape with ResponseValidationError", async () => {
  const c = createCatalogClient({ baseUrl: base });
  const error = await c.products.get({ productId: 1 }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ResponseValidationError);
  expect((error as ResponseValidationError).issues.map((i) => i.path.join("."))).toContain("id");
  await expect(collect(c.products.list())).rejects.toBeInstanceOf(ResponseValidationError);
});

it("keeps fields the client does not know yet", async () => {
  const c = createCatalogClient({ baseUrl: base });
  expect(await c.unitResources.get({ unitResourceId: 7 })).toMatchObject({ id: 7, extra: "kept" });
});
