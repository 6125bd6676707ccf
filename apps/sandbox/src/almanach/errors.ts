/** The server's exceptions and the responses `to_json` turns them into (almanach.md §4). */

/** An error answered as `{"error": …}` with this status. */
export class AlmanachApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: unknown,
  ) {
    super(typeof error === "string" ? error : JSON.stringify(error));
  }
}

export const invalidPayload = () => new AlmanachApiError(400, "Invalid parameter or payload");
export const missingKey = (key: string) =>
  new AlmanachApiError(400, `The '${key}' param is mandatory for the request you have made.`);
// Werkzeug's BadRequestKeyError text under Flask 2.2, as the real server answered (probe-18).
export const missingQuery = () =>
  new AlmanachApiError(
    400,
    "The 400 Bad Request: The browser (or proxy) sent a request that this server could not understand. param is mandatory for the request you have made.",
  );
export const badDate = () =>
  new AlmanachApiError(
    400,
    "The provided date has an invalid format. Format should be of yyyy-mm-ddThh:mm:ss.msZ, ex: 2015-01-31T18:24:34.1523Z",
  );
export const entityNotFound = (id: string) => new AlmanachApiError(404, `Entity ${id} not found`);
export const volumeTypeNotFound = (id: string) =>
  new AlmanachApiError(404, `Unable to find volume_type_id "${id}"`);

/** Read `body[key]` like Python's `body['key']`: a missing key is a KeyError answered 400. */
export function required(body: Record<string, unknown>, key: string): unknown {
  if (!(key in body)) throw missingKey(key);
  return body[key];
}
