/**
 * A checker for the JSON Schema subset the OpenAPI document uses (type with "null", required, properties,
 * additionalProperties false, items, enum, pattern, minimum/maximum, minLength/maxLength, format date and
 * date-time, $ref to components, anyOf). Anything else in a schema is reported, so the subset cannot grow
 * silently past what this checks.
 */
type Schema = Record<string, unknown>;

const KNOWN = new Set([
  "$schema",
  "$ref",
  "type",
  "required",
  "properties",
  "additionalProperties",
  "items",
  "enum",
  "pattern",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "maxItems",
  "format",
  "anyOf",
  "description",
  "default",
]);

export function check(schema: Schema, value: unknown, root: Schema, at = "$"): string[] {
  const unknown = Object.keys(schema).filter((k) => !KNOWN.has(k));
  if (unknown.length > 0) return [`${at}: schema uses unchecked keywords ${unknown.join(", ")}`];
  if (typeof schema.$ref === "string") {
    const target = schema.$ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root);
    if (!target) return [`${at}: unresolved ${schema.$ref}`];
    return check(target as Schema, value, root, at);
  }
  if (Array.isArray(schema.anyOf)) {
    const ok = (schema.anyOf as Schema[]).some((s) => check(s, value, root, at).length === 0);
    return ok ? [] : [`${at}: matches none of anyOf`];
  }
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => isType(t, value)))
      return [`${at}: ${JSON.stringify(value)} is not ${types.join("|")}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) errors.push(`${at}: not in enum`);
  if (typeof value === "string") {
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value))
      errors.push(`${at}: ${value} does not match ${schema.pattern}`);
    if (typeof schema.minLength === "number" && value.length < schema.minLength)
      errors.push(`${at}: too short`);
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength)
      errors.push(`${at}: too long`);
    if (schema.format === "date" && !/^\d{4}-\d{2}-\d{2}$/.test(value)) errors.push(`${at}: not a date`);
    if (schema.format === "date-time" && Number.isNaN(Date.parse(value)))
      errors.push(`${at}: not a date-time`);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) errors.push(`${at}: below minimum`);
    if (typeof schema.maximum === "number" && value > schema.maximum) errors.push(`${at}: above maximum`);
  }
  if (Array.isArray(value) && typeof schema.maxItems === "number" && value.length > schema.maxItems)
    errors.push(`${at}: too many items`);
  if (Array.isArray(value) && schema.items)
    for (const [i, v] of value.entries())
      errors.push(...check(schema.items as Schema, v, root, `${at}[${i}]`));
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[])
      if (!(key in object)) errors.push(`${at}.${key}: required`);
    for (const [key, v] of Object.entries(object)) {
      if (properties[key]) errors.push(...check(properties[key], v, root, `${at}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${at}.${key}: not allowed`);
    }
  }
  return errors;
}

function isType(type: string, value: unknown): boolean {
  if (type === "null") return value === null;
  if (type === "integer") return Number.isInteger(value);
  if (type === "array") return Array.isArray(value);
  if (type === "object") return value !== null && typeof value === "object" && !Array.isArray(value);
  return typeof value === type;
}
