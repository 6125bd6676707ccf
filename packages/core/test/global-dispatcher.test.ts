/** A client without a dispatcher uses undici's global one, which core loads only on the first request. */
import { Agent, type Dispatcher, getGlobalDispatcher, setGlobalDispatcher } from "undici";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadGlobalDispatcher } from "../src/http/global-dispatcher.js";
import { createHttpClient } from "../src/index.js";
import { json, type LocalServer, startServer } from "./support/local-server.js";

let server: LocalServer;
const previous = getGlobalDispatcher();
beforeAll(async () => {
  server = await startServer((req, res) => json(res, 200, { path: req.url }));
});
afterAll(async () => {
  setGlobalDispatcher(previous);
  await server.close();
});

it("the loaded dispatcher is the one undici's getGlobalDispatcher() returns, with the request API", async () => {
  const loaded = await loadGlobalDispatcher();
  expect(loaded).toBe(getGlobalDispatcher());
  expect(typeof loaded.request).toBe("function");
});

it("requests go through the global dispatcher installed before the client was made", async () => {
  const seen: string[] = [];
  const agent = new Agent();
  const counting = agent.compose((dispatch) => (options, handler) => {
    seen.push(String(options.path));
    return dispatch(options, handler);
  }) as Dispatcher;
  setGlobalDispatcher(counting);
  try {
    const http = createHttpClient({ baseUrl: server.url });
    const { data } = await http.request({ method: "GET", path: "/global" });
    expect(data).toEqual({ path: "/global" });
    expect(seen).toEqual(["/global"]);
  } finally {
    setGlobalDispatcher(previous);
    await agent.close();
  }
});
