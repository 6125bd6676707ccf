import { checkKeys, requireString } from "./options.js";

/** Options of {@link Region}. @public */
export interface RegionOptions {
  /** CMP region id; must be a string. */
  id: string;
}

const KEYS = new Set(["id"]);

/**
 * A region id that CMP looks up and associates with a name and location (legacy).
 * `serialize()` gives `{ id }`.
 * @public
 */
export class Region {
  readonly id: string;

  constructor(options: RegionOptions) {
    const o = checkKeys("Region", options, KEYS);
    this.id = requireString("Region", "id", o.id);
  }

  /** `{ id }`. */
  serialize(): { id: string } {
    return { id: this.id };
  }
}
