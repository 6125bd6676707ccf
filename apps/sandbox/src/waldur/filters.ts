/** django-filter behaviour the stand-in needs: choice validation, UUID filters, `field=` selection. */
import { type Answer, fieldError, normalizeUuid } from "./http.js";
import { lastValue } from "./pagination.js";

export type Params = readonly [string, string][];

export function allValues(params: Params, key: string): string[] {
  return params.filter(([k]) => k === key).map(([, v]) => v);
}

/** A MultipleChoiceFilter (every value must be a choice) or, with `single`, a ChoiceFilter (last value). */
export function choices(
  params: Params,
  key: string,
  allowed: readonly string[],
  single = false,
): string[] | Answer {
  const values = single
    ? [lastValue(params, key)].filter((v): v is string => v !== undefined)
    : allValues(params, key);
  const bad = values.find((v) => !allowed.includes(v));
  if (bad !== undefined)
    return fieldError(key, `Select a valid choice. ${bad} is not one of the available choices.`);
  return values;
}

/** A UUIDFilter: the last value, normalised; invalid → 400 `Enter a valid UUID.` */
export function uuidFilter(params: Params, key: string): string | undefined | Answer {
  const value = lastValue(params, key);
  if (value === undefined || value === "") return undefined;
  return normalizeUuid(value) ?? fieldError(key, "Enter a valid UUID.");
}

export function isAnswer(value: unknown): value is Answer {
  return (
    typeof value === "object" &&
    value !== null &&
    "status" in value &&
    typeof (value as Answer).status === "number"
  );
}

/** Waldur's `field=` query: keep only the named keys (unknown names are ignored). */
export function selectFields<T extends Record<string, unknown>>(params: Params, item: T): Partial<T> {
  const fields = allValues(params, "field");
  if (fields.length === 0) return item;
  return Object.fromEntries(Object.entries(item).filter(([k]) => fields.includes(k))) as Partial<T>;
}
