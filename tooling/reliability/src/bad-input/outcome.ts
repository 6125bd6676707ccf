/** Run one call, however it reports: a sync throw, a rejected promise, or a lazy async iterable. */

/** What a call did. */
export type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}

/**
 * Calls `call` and settles it. Paginated lists validate either when called or on the first page, so the
 * first item is pulled (and the iterator closed) to reach whatever the list would send.
 */
export async function settle(call: () => unknown): Promise<Outcome> {
  try {
    let value = await call();
    if (isAsyncIterable(value) && !(typeof (value as { then?: unknown }).then === "function")) {
      const iterator = value[Symbol.asyncIterator]();
      const first = await iterator.next();
      await iterator.return?.();
      value = first.value;
    }
    // Let anything a buggy client fired in the background reach the server before we count requests.
    await new Promise((resolve) => setImmediate(resolve));
    return { ok: true, value };
  } catch (error) {
    await new Promise((resolve) => setImmediate(resolve));
    return { ok: false, error };
  }
}

/** Every field an error names: core's `field` and `issues[].path`, or a package error's `field`. */
export function fieldsOf(error: unknown): string[] {
  if (typeof error !== "object" || error === null) return [];
  const e = error as { field?: unknown; issues?: unknown };
  const fields: string[] = [];
  if (typeof e.field === "string" && e.field !== "") fields.push(e.field);
  if (Array.isArray(e.issues)) {
    for (const issue of e.issues as { path?: unknown }[]) {
      if (Array.isArray(issue.path)) fields.push(issue.path.map(String).join("."));
    }
  }
  return fields;
}

/** Whether the error names `field` (exactly, as a prefix of a nested path, or as the last part of one). */
export function namesField(error: unknown, field: string): boolean {
  return fieldsOf(error).some(
    (f) => f === field || f.startsWith(`${field}.`) || f.endsWith(`.${field}`) || f.includes(`.${field}.`),
  );
}

/** A one-line description of an error for failure messages. */
export function describe(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return `${error.name}${code === undefined ? "" : `(${String(code)})`}: ${error.message.slice(0, 300)} [fields: ${fieldsOf(error).join(", ")}]`;
  }
  return `non-Error thrown: ${String(error)}`;
}
