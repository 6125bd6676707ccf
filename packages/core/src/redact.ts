/**
 * Secret redaction. Everything that can leave the process as text (error messages, log lines, cassettes)
 * goes through these helpers, always on a copy (octokit's request-error idea).
 *
 * Two layers: (1) by position — header values, query parameters and JSON fields whose *names* say
 * "secret"; (2) by value — secrets the process knows about (passwords handed to an auth strategy, tokens
 * obtained from Keystone) are registered with {@link registerSecret} and scrubbed from any text.
 */

/** Replacement text for a redacted value. @public */
export const REDACTED = "<redacted>";

const SECRET_HEADER =
  /^(authorization|proxy-authorization|x-auth-token|x-subject-token|x-service-token|cookie|set-cookie)$/i;
const SECRET_KEY = /(pass(word)?|secret|token|api[-_]?key|private[-_]?key|credential|^key$)/i;
const MAX_KNOWN = 512;

/**
 * A bounded set of secret values to scrub by value. Each HTTP client (and each auth strategy) owns one, so
 * one client's secrets are not scanned in every other client's messages and nothing accumulates in a
 * module-global set; `registerSecret()` is the explicit, process-wide exception.
 * @public
 */
export class SecretSet implements Iterable<string> {
  readonly #values = new Set<string>();
  readonly #linked: Iterable<string>[] = [];

  /**
   * Remember `value`. Values shorter than 4 characters are ignored (too likely to match innocent text);
   * beyond 512 values the oldest is forgotten.
   */
  add(value: string | undefined | null): void {
    if (!value || value.length < 4 || this.#values.has(value)) return;
    if (this.#values.size >= MAX_KNOWN) this.#values.delete(this.#values.values().next().value as string);
    this.#values.add(value);
  }

  /** Also scrub the values of another set (e.g. an auth strategy's tokens, which change over time). */
  link(other: Iterable<string> | undefined): void {
    if (other && other !== this) this.#linked.push(other);
  }

  /** Every value of this set and of the linked ones. */
  *[Symbol.iterator](): Iterator<string> {
    yield* this.#values;
    for (const other of this.#linked) yield* other;
  }

  /** `text` with every value of this set (and of the process-wide one) replaced by {@link REDACTED}. */
  redact(text: string): string {
    return scrub(redactText(text), this);
  }
}

const processWide = new SecretSet();

/**
 * Remember a secret value **process-wide**, so it is scrubbed from every message core produces from now on,
 * whichever client made it. Clients keep their own secrets (the `SecretSet` of their auth strategy and of
 * their HTTP client); use this only for a value that no client knows about. @public
 */
export function registerSecret(value: string | undefined | null): void {
  processWide.add(value);
}

/** Replace every process-wide registered secret in `text`. @public */
export function redactText(text: string): string {
  return scrub(text, processWide);
}

function scrub(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
}

/**
 * Scrub a client's secrets from an error about to leave it: its message and its `url`, `body` and
 * `headers` when it has them. Returns the same error. @internal
 */
export function scrubError<E>(error: E, secrets: SecretSet): E {
  if (typeof error !== "object" || error === null) return error;
  const e = error as Record<string, unknown>;
  const set = (key: string, value: unknown) => {
    try {
      Object.defineProperty(e, key, {
        value,
        writable: true,
        configurable: true,
        enumerable: key !== "message",
      });
    } catch {
      // a frozen error keeps what it had
    }
  };
  if (typeof e.message === "string") set("message", secrets.redact(e.message));
  if (typeof e.url === "string") set("url", secrets.redact(e.url));
  if ("body" in e && e.body !== undefined) set("body", scrubJson(e.body, secrets));
  if (e.headers && typeof e.headers === "object") set("headers", scrubJson(e.headers, secrets));
  return error;
}

function scrubJson(value: unknown, secrets: SecretSet): unknown {
  return mapJsonStrings(value, (text) => secrets.redact(text), false);
}

/**
 * The one walk both redactions share: a deep copy of a JSON value with `text` applied to every string and,
 * when `hideSecretFields`, the string values of secret-named fields replaced outright.
 */
function mapJsonStrings(value: unknown, text: (s: string) => string, hideSecretFields: boolean): unknown {
  if (typeof value === "string") return text(value);
  if (Array.isArray(value)) return value.map((v) => mapJsonStrings(v, text, hideSecretFields));
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] =
        hideSecretFields && SECRET_KEY.test(key) && typeof inner === "string"
          ? REDACTED
          : mapJsonStrings(inner, text, hideSecretFields);
    }
    return out;
  }
  return value;
}

/** True when a header, query parameter or JSON field of this name holds a secret. @public */
export function isSecretName(name: string): boolean {
  return SECRET_HEADER.test(name) || SECRET_KEY.test(name);
}

/** A URL with userinfo and secret-named query values replaced. @public */
export function redactUrl(input: string | URL): string {
  let url: URL;
  try {
    url = new URL(String(input));
  } catch {
    return redactText(String(input));
  }
  if (url.password) url.password = "redacted";
  for (const key of [...url.searchParams.keys()]) {
    if (SECRET_KEY.test(key)) {
      const count = url.searchParams.getAll(key).length;
      url.searchParams.delete(key);
      for (let i = 0; i < count; i++) url.searchParams.append(key, REDACTED);
    }
  }
  return redactText(url.toString());
}

/** A copy of the headers with secret values replaced; `Authorization` keeps its scheme. @public */
export function redactHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(", ") : raw;
    if (/^(authorization|proxy-authorization)$/i.test(name)) {
      const space = value.indexOf(" ");
      out[name] = space > 0 ? `${value.slice(0, space)} ${REDACTED}` : REDACTED;
    } else if (SECRET_HEADER.test(name)) {
      out[name] = REDACTED;
    } else {
      out[name] = redactText(value);
    }
  }
  return out;
}

/** A deep copy of a JSON value with secret-named fields replaced and registered secrets scrubbed. @public */
export function redactJson(value: unknown): unknown {
  return mapJsonStrings(value, redactText, true);
}
