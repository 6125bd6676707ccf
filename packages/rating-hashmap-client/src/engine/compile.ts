/**
 * The rule tables, built as CloudKitty's `HashMap._load_rates` builds them (cloudkitty/rating/hash/__init__.py):
 * per service name, rules keyed by group name (`_DEFAULT_` without a group), then by mapping value or
 * threshold level; tenant-less rules first, then the tenant's, a later rule replacing an earlier one's key.
 */
import { decToString, type PyDecimal, parsePyDecimal } from "../decimal/py-decimal.js";
import type { Mapping, MapType, Threshold } from "../models.js";
import { applies } from "./active.js";
import { RatingEngineError } from "./python-values.js";
import type { ParsedRuleSet } from "./rule-set.js";

/** A rule's effect. @internal */
export interface Rule {
  readonly type: MapType;
  readonly cost: PyDecimal;
}
/** A threshold's effect, with its level (the dict key). @internal */
export interface LevelRule extends Rule {
  readonly level: PyDecimal;
}
/** Mappings and thresholds of one parent. @internal */
export interface Scope<M> {
  readonly mappings: Map<string, M>;
  readonly thresholds: Map<string, Map<string, LevelRule>>;
}
/**
 * A field's rules, plus its mappings indexed by value: a record's value then costs one map lookup instead of a
 * scan of every mapping (the groups of one value keep the order the scan met them in, which fixes the order
 * CloudKitty's result dict, and so the sum, sees the groups). @internal
 */
export interface FieldScope extends Scope<Map<string, Rule>> {
  readonly byValue: Map<string, (readonly [group: string, rule: Rule])[]>;
}
/** Everything one service prices with. @internal */
export interface ServiceEntry extends Scope<Rule> {
  fields: Map<string, FieldScope> | undefined;
}

const DEFAULT_GROUP = "_DEFAULT_";

function dec(text: string, what: string): PyDecimal {
  const d = parsePyDecimal(text);
  if (!d) throw new RatingEngineError(`${what} ${JSON.stringify(text)} is not a decimal`);
  return d;
}

/** Python dict keys compare Decimals by value: "10.00000000" and "10" are one key. */
function levelKey(level: PyDecimal): string {
  if (level.coef === 0n) return "0";
  let { coef, exp } = level;
  while (coef % 10n === 0n) {
    coef /= 10n;
    exp += 1;
  }
  return decToString({ sign: level.sign, coef, exp });
}

/** Compile a rule set for one tenant (`undefined`: CloudKitty's quote, which only uses tenant-less rules). @internal */
export function compileRules(
  all: ParsedRuleSet,
  tenantId: string | undefined,
  now: number = Date.now() * 1000,
): Map<string, ServiceEntry> {
  // Only the rules in force at `now`, as the module loads them (`get_filters(is_active=…)`).
  const rules = {
    ...all,
    mappings: all.mappings.filter((m) => applies(m, m.mapping_id, now)),
    thresholds: all.thresholds.filter((t) => applies(t, t.threshold_id, now)),
  };
  const groupNames = new Map(rules.groups.map((g) => [g.group_id, g.name]));
  const groupOf = (groupId: string | null): string => {
    if (!groupId) return DEFAULT_GROUP;
    const name = groupNames.get(groupId);
    if (name === undefined)
      throw new RatingEngineError(`rule refers to group ${groupId}, which is not in the rule set`);
    return name;
  };
  // Python loads `(None, tenant)`: with no tenant that is None twice, which changes nothing.
  const tenants = tenantId === undefined ? [null] : [null, tenantId];

  const loadMappings = (
    into: Map<string, Rule | Map<string, Rule>>,
    list: readonly Mapping[],
    service: boolean,
  ) => {
    for (const tenant of tenants) {
      for (const m of list) {
        if (m.tenant_id !== tenant) continue;
        const group = groupOf(m.group_id);
        const rule: Rule = { type: m.type, cost: dec(m.cost, "cost") };
        if (service) {
          if (m.value)
            throw new RatingEngineError(
              `service mapping ${m.mapping_id} has a value, which CloudKitty fails on (500)`,
            );
          into.set(group, rule);
        } else {
          const byValue = (into.get(group) as Map<string, Rule> | undefined) ?? new Map<string, Rule>();
          into.set(group, byValue);
          byValue.set(m.value ?? "", rule);
        }
      }
    }
  };
  const loadThresholds = (into: Map<string, Map<string, LevelRule>>, list: readonly Threshold[]) => {
    for (const tenant of tenants) {
      for (const t of list) {
        if (t.tenant_id !== tenant) continue;
        const group = groupOf(t.group_id);
        const byLevel = into.get(group) ?? new Map<string, LevelRule>();
        into.set(group, byLevel);
        const level = dec(t.level, "level");
        const key = levelKey(level);
        // Replacing a dict value keeps the first key object (same value), so keep the first level.
        byLevel.set(key, {
          type: t.type,
          cost: dec(t.cost, "cost"),
          level: byLevel.get(key)?.level ?? level,
        });
      }
    }
  };

  const entries = new Map<string, ServiceEntry>();
  for (const service of rules.services) {
    const entry: ServiceEntry = { mappings: new Map(), thresholds: new Map(), fields: undefined };
    entries.set(service.name, entry);
    loadMappings(
      entry.mappings as Map<string, Rule | Map<string, Rule>>,
      rules.mappings.filter((m) => m.service_id === service.service_id),
      true,
    );
    loadThresholds(
      entry.thresholds,
      rules.thresholds.filter((t) => t.service_id === service.service_id),
    );
    for (const field of rules.fields) {
      if (field.service_id !== service.service_id) continue;
      entry.fields ??= new Map();
      const scope: FieldScope = { mappings: new Map(), thresholds: new Map(), byValue: new Map() };
      entry.fields.set(field.name, scope);
      loadMappings(
        scope.mappings as Map<string, Rule | Map<string, Rule>>,
        rules.mappings.filter((m) => m.field_id === field.field_id),
        false,
      );
      loadThresholds(
        scope.thresholds,
        rules.thresholds.filter((t) => t.field_id === field.field_id),
      );
      for (const [group, values] of scope.mappings)
        for (const [value, rule] of values) {
          const list = scope.byValue.get(value);
          if (list) list.push([group, rule]);
          else scope.byValue.set(value, [[group, rule]]);
        }
    }
  }
  return entries;
}
