/**
 * Input schemas: everything CloudKitty 17 checks (or fails on with a 500) is checked here first, with a
 * message that says what to do (cloudkitty.md §5.3).
 */
import { buildOnce, inputChecker, lazySchema } from "@meterkit/core";
import { z } from "zod";
import { CostInput, LevelInput } from "./decimal/decimal-schema.js";
import { MAP_TYPES } from "./models.js";

/** The package name used as the prefix of every input error. @internal */
export const PKG = "@meterkit/rating-hashmap-client";

/** `validateInput` with this package's name: `check(Schema, input)` throws `InvalidInputError`. @internal */
export const check = inputChecker(PKG);

/** A UUID as CloudKitty generates it (the server answers 400, or a misleading 404, for anything else). @internal */
export const Uuid = lazySchema(() =>
  z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      "must be a UUID such as 6f7c1d5e-…",
    ),
);

const MapTypeInput = lazySchema(() => z.enum(MAP_TYPES, { message: `type must be "flat" or "rate"` }));
const Name = lazySchema(() => z.string().min(1, "must not be empty"));

/** Fields of newer CloudKitty releases; a 17 server refuses them (the client then throws UnsupportedByServerError). */
const newerRuleInput = buildOnce(() => ({
  name: z.string().optional(),
  description: z.string().optional(),
  start: z.union([z.string(), z.date()]).optional(),
  end: z.union([z.string(), z.date()]).optional(),
}));

const ruleBase = buildOnce(() => ({
  service_id: Uuid.optional(),
  field_id: Uuid.optional(),
  type: MapTypeInput.optional(),
  cost: CostInput,
  group_id: Uuid.optional(),
  tenant_id: z.string().nullable().optional(),
  ...newerRuleInput(),
}));

type Parented = { service_id?: string | undefined; field_id?: string | undefined };

function exactlyOneParent(v: Parented, ctx: z.RefinementCtx): void {
  if (v.service_id === undefined && v.field_id === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["service_id"],
      message: "give exactly one parent: service_id or field_id",
    });
  } else if (v.service_id !== undefined && v.field_id !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["field_id"],
      message: "give only one parent: service_id or field_id, not both",
    });
  }
}

/** A `start`/`end` as a time (a string that `Date` cannot read is an issue at `path`). */
function timeOf(value: string | Date | undefined, path: string, ctx: z.RefinementCtx): number | undefined {
  if (value === undefined) return undefined;
  const time = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(time)) {
    ctx.addIssue({ code: "custom", path: [path], message: "must be a date, e.g. 2030-01-01T00:00:00" });
    return undefined;
  }
  return time;
}

/**
 * What newer servers check on create (`validate_resource`): a start in the past needs `force`, and the end
 * may not come before the start.
 */
function validPeriod(
  v: { start?: string | Date | undefined; end?: string | Date | undefined; force?: boolean | undefined },
  ctx: z.RefinementCtx,
): void {
  const start = timeOf(v.start, "start", ctx);
  const end = timeOf(v.end, "end", ctx);
  if (start !== undefined && start < Date.now() && !v.force) {
    ctx.addIssue({
      code: "custom",
      path: ["start"],
      message: "is in the past: give force: true to create a rule that starts in the past",
    });
  }
  if (start !== undefined && end !== undefined && end < start) {
    ctx.addIssue({ code: "custom", path: ["end"], message: "must not come before start" });
  }
}

/** Input of `mappings.create`. @public */
export const CreateMappingInput = lazySchema(() =>
  z
    .object({
      ...ruleBase(),
      /** The `desc` value a field mapping matches; a service mapping has none (`null` as cloudkitty sends it). */
      value: z.string().nullable().optional(),
      /**
       * Allow a `start` (or `end`) in the past. Sent as the `force` query parameter, and only with a
       * `start`/`end` (the only thing it relaxes), so `force: true` alone works on every release.
       */
      force: z.boolean().optional(),
    })
    .superRefine((v, ctx) => {
      exactlyOneParent(v, ctx);
      validPeriod(v, ctx);
      if (v.field_id !== undefined && !v.value) {
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          message: "is required for a field mapping (the desc value to match)",
        });
      }
      if (v.service_id !== undefined && v.value) {
        ctx.addIssue({
          code: "custom",
          path: ["value"],
          message: "must be left out for a service mapping (it applies to every usage)",
        });
      }
    }),
);
/**
 * What `mappings.create` accepts: exactly one parent (`service_id` or `field_id`), a `cost`, and `value` for
 * a field mapping.
 * @public
 */
export type CreateMappingInput = z.input<typeof CreateMappingInput>;

/** Input of `thresholds.create`. @public */
export const CreateThresholdInput = lazySchema(() =>
  z.object({ ...ruleBase(), level: LevelInput }).superRefine(exactlyOneParent),
);
/**
 * What `thresholds.create` accepts: exactly one parent (`service_id` or `field_id`), a `level` and a `cost`.
 * @public
 */
export type CreateThresholdInput = z.input<typeof CreateThresholdInput>;

/** A new group, or `null`: out of its group (the update then goes through a temporary group, see updateRule). */
const GroupChange = lazySchema(() => Uuid.nullable());

const patchBase = buildOnce(() => ({
  type: MapTypeInput.optional(),
  cost: CostInput.optional(),
  group_id: GroupChange.optional(),
  tenant_id: z.string().nullable().optional(),
  ...newerRuleInput(),
}));

function notEmpty(v: object, ctx: z.RefinementCtx): void {
  if (Object.values(v).every((x) => x === undefined))
    ctx.addIssue({ code: "custom", message: "nothing to update" });
}

/** Changes for `mappings.update`; what is left out keeps its current value. @public */
export const MappingPatch = lazySchema(() =>
  z
    .object({ ...patchBase(), value: z.string().optional() })
    .strict()
    .superRefine(notEmpty),
);
/** What `mappings.update` accepts: at least one change; what is left out keeps its current value. @public */
export type MappingPatch = z.input<typeof MappingPatch>;

/** Changes for `thresholds.update`; what is left out keeps its current value. @public */
export const ThresholdPatch = lazySchema(() =>
  z
    .object({ ...patchBase(), level: LevelInput.optional() })
    .strict()
    .superRefine(notEmpty),
);
/**
 * What `thresholds.update` accepts: at least one change; what is left out keeps its current value.
 * @public
 */
export type ThresholdPatch = z.input<typeof ThresholdPatch>;

/** Input of `services.create` and `groups.create`. @public */
export const NamedInput = lazySchema(() => z.object({ name: Name }).strict());
/** Input of `fields.create`. @public */
export const CreateFieldInput = lazySchema(() => z.object({ service_id: Uuid, name: Name }).strict());
/** What `fields.create` accepts: the parent `service_id` and the field's `name` (a `desc` key). @public */
export type CreateFieldInput = z.input<typeof CreateFieldInput>;

/**
 * Filters of `mappings.list` and `thresholds.list`. `tenant_id: "t"` lists rules of tenant `t`,
 * `tenant_id: null` rules without a tenant; leave it out for all. Without a parent (`all: true`, or
 * `no_group: true` alone) the client lists the rules of every service and field itself, as no release of
 * CloudKitty 17 lists rules without a parent. The last group are filters of newer releases (a 17 server has
 * none of them).
 * @public
 */
export const RuleFilter = lazySchema(() =>
  z
    .object({
      service_id: Uuid.optional(),
      field_id: Uuid.optional(),
      group_id: Uuid.optional(),
      no_group: z.boolean().optional(),
      tenant_id: z.string().nullable().optional(),
      deleted: z.boolean().optional(),
      is_active: z.boolean().optional(),
      all: z.boolean().optional(),
      start: z.union([z.string(), z.date()]).optional(),
      end: z.union([z.string(), z.date()]).optional(),
      description: z.string().optional(),
      updated_by: z.string().optional(),
      created_by: z.string().optional(),
      deleted_by: z.string().optional(),
    })
    .strict()
    .superRefine((v, ctx) => {
      const parent = v.service_id ?? v.field_id ?? v.group_id;
      if (parent === undefined && v.all !== true && v.no_group !== true) {
        ctx.addIssue({
          code: "custom",
          path: ["service_id"],
          message:
            "give service_id, field_id or group_id, or all: true (or no_group: true) for the rules of every service",
        });
      }
      if (v.service_id !== undefined && v.field_id !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["field_id"],
          message: "give service_id or field_id, not both (the server would ignore field_id)",
        });
      }
      if (v.group_id !== undefined && v.no_group) {
        ctx.addIssue({ code: "custom", path: ["no_group"], message: "cannot be combined with group_id" });
      }
    }),
);
/**
 * What `mappings.list` and `thresholds.list` accept: `service_id`, `field_id` or `group_id`, or `all: true`
 * (or `no_group: true`) for the rules of every service.
 * @public
 */
export type RuleFilter = z.input<typeof RuleFilter>;

/** The rule fields only newer CloudKitty releases know (a 17 server answers `Unknown argument`). @internal */
export const NEWER_RULE_FIELDS = ["name", "description", "start", "end"] as const;

/** The filters the client sends as they are (`all` it resolves itself). @internal */
export const SENT_NEWER_FILTERS = [
  "deleted",
  "is_active",
  "start",
  "end",
  "description",
  "updated_by",
  "created_by",
  "deleted_by",
] as const;

/**
 * The query parameters only newer CloudKitty releases know: those sent as they are, `all` (resolved by the
 * client) and `force` (one of creation). @internal
 */
export const NEWER_FILTERS = ["force", "all", ...SENT_NEWER_FILTERS] as const;

/** One object named by its id, e.g. `{ serviceId }`: the input of `get`, `delete` and friends. @internal */
export function idInput<K extends string>(key: K) {
  return z.strictObject({ [key]: Uuid } as { [P in K]: typeof Uuid });
}
