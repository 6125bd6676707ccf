import { describe, expect, it } from "vitest";
import { OptionsValidationError as RootOptionsValidationError, Server } from "../src/index.js";
import {
  ApplianceOptionsSchema,
  CircuitOptionsSchema,
  ColoSpaceOptionsSchema,
  ComputePoolOptionsSchema,
  ImageDetailOptionsSchema,
  LocationsOptionsSchema,
  NetworkOptionsSchema,
  OptionsValidationError,
  RegionOptionsSchema,
  ResourceOptionsSchema,
  SaasUserOptionsSchema,
  ServerOptionsSchema,
  ServiceOfferingOptionsSchema,
  VolumeOptionsSchema,
  validateOptions,
} from "../src/schemas/index.js";
import { camelKeys, decodeArgs, type ErrorExpectation, loadVectors } from "./helpers/vectors.js";

const SCHEMAS = {
  Resource: ResourceOptionsSchema,
  Server: ServerOptionsSchema,
  Volume: VolumeOptionsSchema,
  Network: NetworkOptionsSchema,
  Appliance: ApplianceOptionsSchema,
  ServiceOffering: ServiceOfferingOptionsSchema,
  ComputePool: ComputePoolOptionsSchema,
  SaasUser: SaasUserOptionsSchema,
  ColoSpace: ColoSpaceOptionsSchema,
  Circuit: CircuitOptionsSchema,
  Region: RegionOptionsSchema,
  ImageDetail: ImageDetailOptionsSchema,
  Locations: LocationsOptionsSchema,
} as const;

describe("option schemas", () => {
  it("name the offending field", () => {
    const error = (() => {
      try {
        validateOptions(ServerOptionsSchema, { id: "s", name: 5, cpuHz: "fast" }, "Server");
      } catch (e) {
        return e;
      }
    })() as OptionsValidationError;
    expect(error).toBeInstanceOf(OptionsValidationError);
    expect(error).toBeInstanceOf(RootOptionsValidationError); // one class, exported from both entries
    expect(error.field).toBe("name");
    expect(error.issues.map((i) => i.path.join("."))).toEqual(["name", "cpuHz"]);
    expect(error.message).toMatch(/^\[@meterkit\/connector-model\] Server: name: /);
  });

  it("reject unknown options, as the original rejects unknown keywords", () => {
    expect(() => validateOptions(ServerOptionsSchema, { id: "s", name: "n", type: "server" })).toThrow(
      /type/,
    );
    expect(() => validateOptions(SaasUserOptionsSchema, { id: "s", name: "n", userId: "u" })).toThrow(
      /userId/,
    );
  });

  it("accept what they parse, ready for the constructor", () => {
    const options = validateOptions(ServerOptionsSchema, {
      id: "s",
      name: "n",
      cpuCores: 2,
      state: "running",
    });
    expect(new Server(options).serialize().details?.server?.state).toBe("running");
  });

  // Where the original raises at construction, the schema rejects the same input.
  const vectors = loadVectors("models.json").filter(
    (v) => !v.ok && (v.expected as ErrorExpectation).phase === "construct" && v.class in SCHEMAS,
  );
  it("reject every input the original rejects at construction", () => {
    expect(vectors.length).toBeGreaterThan(0);
    for (const vector of vectors) {
      let input: unknown;
      try {
        input = camelKeys(decodeArgs(vector.args) as Record<string, unknown>);
      } catch {
        continue; // a nested object already failed to build: nothing reaches the schema
      }
      const schema = SCHEMAS[vector.class as keyof typeof SCHEMAS];
      expect(schema.safeParse(input).success, `${vector.class} ${JSON.stringify(vector.args)}`).toBe(false);
    }
  });
});
