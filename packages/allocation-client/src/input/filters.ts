/** A filter value: arrays repeat the key (`state=Creating&state=OK`). @public */
export type FilterValue = string | number | boolean | readonly (string | number | boolean)[] | undefined;

/** Free-form filters by Waldur's own snake_case query names. @public */
export interface WaldurFilters {
  [name: string]: FilterValue;
}
