import { readFileSync } from "node:fs";
import { fixedClock } from "@meterkit/connector-model";
import { describe, expect, it } from "vitest";
import { get } from "../examples/resources.js";
import { decodeExpected, loadVectors } from "./helpers/vectors.js";

describe("README example", () => {
  it("produces what the original produces for the documentation example", () => {
    const vector = loadVectors("models.json").find(
      (v) => v.class === "serialize_list" && v.note === "documentation example",
    );
    expect(vector).toBeDefined();
    expect(get({}, {}, fixedClock(vector!.now))).toEqual(decodeExpected(vector!.expected));
  });

  it("is the code shown in the README", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const example = readFileSync(new URL("../examples/resources.ts", import.meta.url), "utf8");
    expect(readme).toContain(example.trim());
  });
});
