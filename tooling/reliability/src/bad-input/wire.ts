/** Where a value can be found, verbatim, in a recorded request: a path segment, a query value or a JSON body value. */
import type { RecordedRequest } from "./recording-server.js";

function jsonValues(value: unknown, out: unknown[]): void {
  out.push(value);
  if (Array.isArray(value)) for (const v of value) jsonValues(v, out);
  else if (typeof value === "object" && value !== null)
    for (const v of Object.values(value)) jsonValues(v, out);
}

/** Every decoded value the request carries. */
export function valuesOnWire(request: RecordedRequest): unknown[] {
  const [path = "", query = ""] = request.path.split("?", 2);
  const out: unknown[] = path.split("/").map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  for (const [, v] of new URLSearchParams(query)) out.push(v);
  if (request.body !== "") {
    try {
      jsonValues(JSON.parse(request.body), out);
    } catch {
      out.push(request.body);
    }
  }
  return out;
}

/** Whether `value` arrived unchanged somewhere in the request. */
export function arrivedVerbatim(request: RecordedRequest, value: string): boolean {
  return valuesOnWire(request).some((v) => v === value);
}
