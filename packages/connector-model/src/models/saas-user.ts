import { emit, pick } from "./detail-fields.js";
import {
  type BaseResourceOptions,
  RESOURCE_SPEC,
  Resource,
  type ResourceOptions,
  subclassSpec,
} from "./resource.js";

/** Options of {@link SaasUser}. (The docs mention `user_id`; the original rejects it, so do we.) @public */
export interface SaasUserOptions extends BaseResourceOptions {
  avatarUrl?: string | null | undefined;
  phone?: string | null | undefined;
  address?: string | null | undefined;
  language?: string | null | undefined;
  isActive?: boolean | null | undefined;
  /** Storage allocated to the user. */
  diskQuotaB?: number | string | null | undefined;
  /** Storage used by the user. */
  diskUsedB?: number | string | null | undefined;
  email?: string | null | undefined;
  country?: string | null | undefined;
}

const FIELDS = [
  ["avatarUrl", "avatar_url"],
  ["phone", "phone"],
  ["address", "address"],
  ["isActive", "is_active"],
  ["diskQuotaB", "disk_quota_b"],
  ["diskUsedB", "disk_used_b"],
  ["email", "email"],
  ["country", "country"],
  ["language", "language"],
] as const;

/**
 * A SaaS user (`type: "saas_user"`). Every detail key is always emitted.
 * @public
 */
export class SaasUser extends Resource {
  /** @internal */
  static override readonly [RESOURCE_SPEC] = subclassSpec(
    "SaasUser",
    "saas_user",
    FIELDS.map(([name]) => name),
  );

  /** The detail values, by option name. */
  readonly details: Record<(typeof FIELDS)[number][0], unknown>;

  constructor(options: SaasUserOptions) {
    super(options as ResourceOptions);
    this.details = pick(options, FIELDS);
  }

  protected override serializeDetails(): Record<string, unknown> {
    return emit(this.details, FIELDS);
  }
}
