/** The README's first example runs as written (against a local server standing in for Almanach). */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it, vi } from "vitest";

let server: Server;
let url = "";
const seen: string[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url === "/v1/info")
      res
        .writeHead(200, { "content-type": "application/json" })
        .end('{"database": {"active_entities": 1, "all_entities": 1}, "info": {"version": "4.1.0"}}');
    else if (req.url?.startsWith("/v1/project/")) {
      const row = {
        end: null,
        entity_id: "8c3b",
        entity_type: "instance",
        flavor: "A1.1",
        image_meta: {},
        last_event: "2017-05-09 14:19:14+00:00",
        metadata: {},
        name: "vm01",
        os: {},
        processed: "2017-05-09 14:19:14+00:00",
        project_id: "bca8",
        start: "2017-05-09 14:19:14+00:00",
      };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify([row]));
    } else res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end("");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

it("runs the first example of the README", async () => {
  const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
  const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
  const file = new URL(`./.readme-example-${process.pid}.ts`, import.meta.url);
  writeFileSync(
    file,
    code
      .replace('"@meterkit/ledger-client"', '"../src/index.js"')
      .replace("http://almanach.example.org:8000", url),
  );
  const log = vi.spyOn(console, "log").mockImplementation(() => {});
  try {
    await import(file.href);
  } finally {
    rmSync(file);
  }
  expect(log).toHaveBeenCalledWith("Almanach 4.1.0");
  expect(log).toHaveBeenCalledWith("instance", "vm01", "2017-05-09T14:19:14.000Z", "active");
  expect(seen).toEqual([
    "GET /v1/info",
    "GET /v1/project/bca89ae64dba46b8b74653d8d9ae8364/entities?start=2017-01-01+00%3A00%3A00.000000",
    "PUT /v1/instance/8c3bc3aa-28d6-4863-b5ae-72e1b415f79d/resize",
  ]);
});
