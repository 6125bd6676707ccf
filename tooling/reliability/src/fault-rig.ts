/**
 * The pieces every client's campaign needs: the fault proxy in front of its server, an undici Agent the
 * test owns (closing it is what makes "no socket left open" mean something), and the client's `retry` option
 * (core's one retry loop) with a retry counter. Short timeouts and backoffs keep 1,000 operations within seconds.
 */
import type { RetryOptions } from "@meterkit/core";
import { Agent } from "undici";
import { type FaultProxy, type FaultProxyOptions, startFaultProxy } from "./fault-proxy.js";

export interface FaultRigOptions extends FaultProxyOptions {
  /** Attempts of an idempotent request, the first included. Default 4. */
  maxAttempts?: number;
}

export interface FaultRig {
  proxy: FaultProxy;
  dispatcher: Agent;
  /** To pass as the client's `retry` option. */
  retry: RetryOptions;
  retries: () => number;
}

export async function startFaultRig(options: FaultRigOptions): Promise<FaultRig> {
  const { maxAttempts = 4, ...proxyOptions } = options;
  const proxy = await startFaultProxy(proxyOptions);
  let retries = 0;
  return {
    proxy,
    dispatcher: new Agent({ keepAliveTimeout: 2_000 }),
    retry: { maxAttempts, baseDelayMs: 5, maxDelayMs: 50, onRetry: () => void retries++ },
    retries: () => retries,
  };
}
