import { type CallOptions, lazySchema } from "@meterkit/core";
import { z } from "zod";
import type { WaldurContext } from "../context.js";
import { UnsupportedOperationError } from "../errors.js";
import { check, Uuid } from "../input/common.js";

const ANY_BODY = lazySchema(() => z.unknown());

/** Which order to move, and (erred) what went wrong. @public */
export interface SetOrderStateInput {
  /** UUID of the order. */
  orderUuid: string;
  /** `setErred` only: the message the consumer sees. */
  errorMessage?: string;
  /** `setErred` only: details for the operator. */
  errorTraceback?: string;
}

const Input = lazySchema(() =>
  z.strictObject({
    orderUuid: Uuid,
    errorMessage: z.string().optional(),
    errorTraceback: z.string().optional(),
  }),
);

type AgentState = "set_state_executing" | "set_state_done" | "set_state_erred";

async function setState(
  ctx: WaldurContext,
  action: AgentState,
  operation: string,
  input: SetOrderStateInput,
  options?: CallOptions,
): Promise<void> {
  const { orderUuid, errorMessage, errorTraceback } = check(Input, input, "input");
  if (action !== "set_state_erred" && (errorMessage !== undefined || errorTraceback !== undefined))
    check(
      z.never({ error: "is only accepted by orders.setErred" }),
      errorMessage ?? errorTraceback,
      "input.errorMessage",
    );
  if (ctx.generation === "legacy")
    throw new UnsupportedOperationError(
      operation,
      "legacy",
      "approve an executing order item to finish it, reject it to fail it",
    );
  const body =
    action === "set_state_erred"
      ? {
          ...(errorMessage === undefined ? {} : { error_message: errorMessage }),
          ...(errorTraceback === undefined ? {} : { error_traceback: errorTraceback }),
        }
      : undefined;
  await ctx.http.request({
    ...options,
    method: "POST",
    path: `/marketplace-orders/{uuid}/${action}/`,
    pathParams: { uuid: orderUuid },
    body,
    // 8.0.5 documents "No response body"; whatever comes is ignored.
    schema: ANY_BODY,
    retry: ctx.conflictRetry,
  });
}

/**
 * `POST marketplace-orders/{uuid}/set_state_executing/` (current servers): an agent takes a pending order.
 * 409 (`StateConflictError`) when the order is no longer pending — another agent has it.
 * @public
 */
export function setOrderExecuting(ctx: WaldurContext, input: SetOrderStateInput, options?: CallOptions) {
  return setState(ctx, "set_state_executing", "orders.setExecuting", input, options);
}

/** `POST marketplace-orders/{uuid}/set_state_done/`: the backend action succeeded; needs `executing`. @public */
export function setOrderDone(ctx: WaldurContext, input: SetOrderStateInput, options?: CallOptions) {
  return setState(ctx, "set_state_done", "orders.setDone", input, options);
}

/**
 * `POST marketplace-orders/{uuid}/set_state_erred/` with `error_message` / `error_traceback`: the backend
 * action failed; needs `executing`.
 * @public
 */
export function setOrderErred(ctx: WaldurContext, input: SetOrderStateInput, options?: CallOptions) {
  return setState(ctx, "set_state_erred", "orders.setErred", input, options);
}
