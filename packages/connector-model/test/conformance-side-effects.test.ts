import { Agent } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Account,
  createCmpContext,
  InsufficientPermission,
  InvalidCredentials,
  Logger,
  NoBillingReport,
  SpendError,
  setTaskPercentage,
} from "../src/index.js";
import { CmpStandIn } from "./helpers/cmp-server.js";
import { build, decodeArgs, ERROR_CLASSES, type ErrorExpectation, loadVectors } from "./helpers/vectors.js";

interface SideEffectVector {
  function: string;
  args: Record<string, unknown> | unknown[];
  account_args?: Record<string, unknown>;
  context_module_id?: unknown;
  ctor?: Record<string, unknown>;
  calls?: [string, unknown][];
  response?: { status_code: number; content: unknown };
  ok: boolean;
  expected: Record<string, unknown>;
}

const vectors = loadVectors<SideEffectVector>("side_effects.json");
const NFLEX_ERRORS: Record<string, new (message?: string | null) => Error> = {
  InsufficientPermission,
  InvalidCredentials,
  NoBillingReport,
  SpendError,
};
const cmp = new CmpStandIn();
const dispatcher = new Agent();
let cmpUrl = "";

beforeAll(async () => {
  cmpUrl = await cmp.start();
});
afterAll(async () => {
  await dispatcher.close();
  await cmp.stop();
});

function recorded() {
  return cmp
    .take()
    .map((r) => ({ method: r.method.toLowerCase(), path: r.path, data: JSON.parse(r.body) as unknown }));
}

async function outcomeOf(action: () => Promise<unknown>): Promise<{ value?: unknown; error?: unknown }> {
  try {
    return { value: await action() };
  } catch (error) {
    return { error };
  }
}

function expectFailure(
  error: unknown,
  expected: Record<string, unknown>,
  status: number,
  content: unknown,
): void {
  const e = expected as unknown as ErrorExpectation;
  expect(error).toBeInstanceOf(ERROR_CLASSES[e.error]);
  // HTTP forbids a body on 204, and the stand-in always answers bytes, so the text can only
  // match when the vector's body was bytes that HTTP can carry.
  const comparable = status !== 204 && typeof content === "object" && content !== null && "$bytes" in content;
  if (comparable) expect((error as Error).message).toBe(`[@meterkit/connector-model] ${e.message}`);
  else expect((error as Error).message).toContain(`API: ${status}, `);
}

describe("side_effects.json conformance", () => {
  it("has vectors", () => {
    expect(vectors.length).toBeGreaterThan(0);
  });

  vectors.forEach((vector, index) => {
    it(`#${index} ${vector.function} ${JSON.stringify(vector.args)}`, async () => {
      if (vector.response !== undefined) {
        const content = decodeArgs(vector.response.content) as Uint8Array | string;
        cmp.reply = { status: vector.response.status_code, body: content };
      }
      if (vector.function === "set_task_percentage") {
        const context = createCmpContext({ cmpUrl, token: "secret-token", dispatcher });
        const args = vector.args as Record<string, unknown>;
        const result = await outcomeOf(() =>
          setTaskPercentage(context, args.task_id as string, args.percentage as number),
        );
        expect(recorded()).toEqual(vector.expected.http);
        if (vector.ok) {
          expect(result.error).toBeUndefined();
          expect(result.value ?? null).toBe(vector.expected.return);
        } else {
          expectFailure(
            result.error,
            vector.expected,
            vector.response!.status_code,
            vector.response!.content,
          );
        }
      } else if (vector.function === "Account.update") {
        const context = createCmpContext({
          cmpUrl,
          token: "secret-token",
          dispatcher,
          moduleId: vector.context_module_id as string | null,
        });
        const account = build("Account", vector.account_args ?? {}) as Account;
        const args = vector.args as Record<string, unknown>;
        const result = await outcomeOf(() => account.update(context, args.account_id as string));
        expect(recorded()).toEqual(vector.expected.http);
        if (vector.ok) {
          expect(result.error).toBeUndefined();
          expect(result.value ?? null).toBe(vector.expected.return);
        } else {
          expectFailure(
            result.error,
            vector.expected,
            vector.response!.status_code,
            vector.response!.content,
          );
        }
      } else if (vector.function === "Logger") {
        const context = createCmpContext({
          cmpUrl,
          dispatcher,
          moduleId: vector.context_module_id as string | null,
        });
        let stdout = "";
        const ctor = vector.ctor ?? {};
        const logger = new Logger({
          context,
          customerId: ctor.customer_id,
          accountId: ctor.account_id,
          resourceId: ctor.resource_id,
          stdout: { write: (text: string) => (stdout += text) },
        });
        for (const [method, body] of vector.calls ?? []) {
          (logger as unknown as Record<string, (body: unknown) => void>)[method]!(body);
        }
        await context.flush();
        const logs = cmp.take().map((r) => {
          expect(r.path).toBe("/logs");
          const [entry] = JSON.parse(r.body) as { message: string; severity: string }[];
          return [entry!.message, entry!.severity.toLowerCase()];
        });
        expect(logs).toEqual(vector.expected.context_log);
        expect(stdout).toBe(vector.expected.stdout);
      } else if (vector.function.startsWith("errors.")) {
        const name = vector.function.slice("errors.".length);
        const ErrorClass = NFLEX_ERRORS[name]!;
        const error = new ErrorClass(...(vector.args as [string | null]));
        expect(error).toBeInstanceOf(Error);
        expect(error.name).toBe(name);
        expect(error.message).toBe(vector.expected.str);
      } else {
        throw new Error(`unknown function ${vector.function}`);
      }
    });
  });
});
