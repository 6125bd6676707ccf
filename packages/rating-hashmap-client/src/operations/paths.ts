/** The HashMap module's base path; the catalog's `rating` URL has no `/v1` (cloudkitty.md §10). @internal */
export const H = "/v1/rating/module_config/hashmap";
