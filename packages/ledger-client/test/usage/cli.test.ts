/** `almanach usage` and `create-volume --date` against the Almanach stand-in. */
import { randomUUID } from "node:crypto";
import { type RunningAlmanach, startAlmanach } from "@meterkit/sandbox";
import { afterAll, beforeAll, expect, it } from "vitest";
import { run as runCli } from "../../src/cli/index.js";

let almanach: RunningAlmanach;
beforeAll(async () => {
  almanach = await startAlmanach({ token: "cli-usage-token" });
});
afterAll(() => almanach.close());

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    env: { ALMANACH_URL: almanach.url, ALMANACH_TOKEN: "cli-usage-token" },
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

it("create-volume takes --date (the reference's documented spelling) and usage reports it by day", async () => {
  const tenant = `cli-usage-${randomUUID()}`;
  const type = randomUUID();
  const volume = randomUUID();
  expect((await run(["create-volume-type", type, "gold"])).code).toBe(0);
  const created = await run([
    "create-volume",
    tenant,
    volume,
    type,
    "v1",
    "4",
    "--date",
    "2017-03-01T12:00:00Z",
  ]);
  expect(created).toMatchObject({ code: 0 });
  expect((await run(["delete-volume", volume, "--end", "2017-03-02T06:00:00Z"])).code).toBe(0);
  const table = await run(["usage", tenant, "2017-03-01", "2017-03-03", "--by", "day"]);
  expect(table.code).toBe(0);
  expect(table.stdout).toMatch(/2017-03-01T00:00:00.000Z .*gold 4GB detached .*43200 .*48 .*GB-hours/);
  expect(table.stdout).toMatch(/2017-03-02T00:00:00.000Z .*21600 .*24 .*GB-hours/);
  const json = await run(["usage", tenant, "2017-03-01", "2017-03-03", "--format", "json"]);
  expect(JSON.parse(json.stdout)).toMatchObject([
    { entityId: volume, seconds: 64_800, gbHours: { value: "72", exact: true } },
  ]);
  const csv = await run(["usage", tenant, "2017-03-01", "2017-03-03", "--by", "day", "--format", "csv"]);
  expect(csv.code).toBe(0);
  expect(csv.stdout.split("\n")).toEqual([
    '"Bucket","Entity ID","Type","Name","Dimension","Seconds","Quantity","Unit"',
    `"2017-03-01T00:00:00.000Z","${volume}","volume","v1","gold 4GB detached",43200,"48","GB-hours"`,
    `"2017-03-02T00:00:00.000Z","${volume}","volume","v1","gold 4GB detached",21600,"24","GB-hours"`,
    "",
  ]);
});

it("refuses a bad --by or date before asking the server (exit 2)", async () => {
  expect((await run(["usage", "t", "2017-03-01", "2017-03-03", "--by", "week"])).code).toBe(2);
  expect((await run(["usage", "t", "yesterday", "2017-03-03"])).code).toBe(2);
});
