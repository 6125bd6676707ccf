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
const known = new Set<string>();

/**
 * Remember a secret value so it is scrubbed from every message core produces from now on.
 * Values shorter than 4 characters are ignored (too likely to match innocent text). @public
 */
export function registerSecret(value: string | undefined | null): void {
  if (!value || value.length < 4 || known.has(value)) return;
  if (known.size >= MAX_KNOWN) known.delete(known.values().next().value as string);
  known.add(value);
}

/** Replace every registered secret in `text`. @public */
export function redactText(text: string): string {
  let out = text;
  for (const secret of known) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  return out;
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
  if (typeof value === "string") return redactText(value);
  if (Array.isArray(value)) return value.map(redactJson);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = SECRET_KEY.test(key) && typeof inner === "string" ? REDACTED : redactJson(inner);
    }
    return out;
  }
  return value;
}
