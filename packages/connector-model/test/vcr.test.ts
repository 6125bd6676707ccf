import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Dispatcher } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCmpContext, setTaskPercentage } from "../src/index.js";
import { vcrCassetteContext } from "../src/testing/index.js";
import { CmpStandIn } from "./helpers/cmp-server.js";

const cmp = new CmpStandIn();
let cmpUrl = "";
const file = path.join(mkdtempSync(path.join(tmpdir(), "cm-vcr-")), "tasks.cassette.json");

beforeAll(async () => {
  cmpUrl = await cmp.start();
});
afterAll(async () => {
  await cmp.stop();
});

const report = (dispatcher: Dispatcher | undefined, taskId: string) =>
  setTaskPercentage(
    createCmpContext({ cmpUrl, token: "s3cret", ...(dispatcher === undefined ? {} : { dispatcher }) }),
    taskId,
    75,
  );

describe("vcrCassetteContext", () => {
  it("records real exchanges without the token, then replays them offline", async () => {
    cmp.reply = { status: 200, body: "null" };
    await vcrCassetteContext(report, { file, mode: "record" })("task-1");
    expect(cmp.take().map((r) => r.path)).toEqual(["/tasks/task-1/update"]);
    const text = readFileSync(file, "utf8");
    expect(text).toContain("/tasks/task-1/update");
    expect(text).not.toContain("s3cret");

    await vcrCassetteContext(report, { file, mode: "replay" })("task-1");
    expect(cmp.take()).toEqual([]); // nothing reached the server
    await expect(vcrCassetteContext(report, { file, mode: "replay" })("task-2")).rejects.toThrow(/task-2/);
  });

  it("uses no cassette unless DEBUG_VCR exists, as the original", async () => {
    cmp.reply = { status: 200, body: "" };
    await vcrCassetteContext(report, { file, env: {} })("task-3");
    expect(cmp.take().map((r) => r.path)).toEqual(["/tasks/task-3/update"]);
  });
});
