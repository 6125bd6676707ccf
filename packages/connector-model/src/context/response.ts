import { pyBytesRepr } from "@meterkit/core/python";
import { BadResponseError } from "../errors.js";
import type { CmpResponse } from "./context.js";

/**
 * Throws the original's "Got bad response from <what> API: <status>, <content>" unless the
 * status is exactly 200 (201 and 204 fail too). Bytes are shown as Python shows them (`b'...'`).
 * @internal
 */
export function checkBadResponse(what: string, response: CmpResponse): void {
  if (response.statusCode === 200) return;
  const content = typeof response.content === "string" ? response.content : pyBytesRepr(response.content);
  throw new BadResponseError(
    `Got bad response from ${what} API: ${response.statusCode}, ${content}`,
    response.statusCode,
    response.content,
  );
}
