// The policy summary the IAM console shows beside a policy: per service, the access levels a
// policy grants (List, Read, Write, Permissions management, Tagging), on which resources and
// under which conditions; and, for each wildcard, the actions it stands for. Pure data for
// any renderer (src/island/views/summary.ts draws it). Console reference:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_understand-policy-summary.html
import { matchActions } from './lint.ts';
import { ACCESS_LEVELS, type AccessLevel, type Action, type Catalog } from './types.ts';
import type { PolicyDocument, PrincipalSpec, Statement } from '../policy/types.ts';

export interface LevelSummary {
  readonly level: AccessLevel;
  /** `s3:GetObject`, … in AWS's spelling, sorted. */
  readonly actions: readonly string[];
  /** Resource ARNs as written; `["*"]` for all resources. */
  readonly resources: readonly string[];
  /** `StringEquals aws:PrincipalTag/team` …, one per condition key; empty for none. */
  readonly conditions: readonly string[];
  /**
   * Who the statements name (trust and resource-based policies): `AWS arn:…`, `Federated …`,
   * `*`, `NotPrincipal …`; empty in identity-side policies, which name no principal.
   */
  readonly principals: readonly string[];
}

export interface ServiceSummary {
  readonly prefix: string;
  readonly name: string;
  readonly effect: 'Allow' | 'Deny';
  /** In the order of ACCESS_LEVELS; only levels with at least one action. */
  readonly levels: readonly LevelSummary[];
  /**
   * Actions of this service the catalog does not know (`s3:GetObjcet`, a wildcard that matches
   * none), as written and sorted: the console lists them as "Uncategorized actions" rather than
   * dropping the service (access_policies_understand-service-summary.html).
   */
  readonly uncategorized: readonly string[];
}

export interface WildcardSummary {
  /** As written, e.g. `s3:Get*`. */
  readonly pattern: string;
  /** JSON pointer of the value. */
  readonly path: string;
  /** Every action it matches, sorted; empty when it matches none. */
  readonly actions: readonly string[];
}

/** A statement whose `Action` is `*`: every action of every service. */
export interface FullAccessSummary {
  readonly effect: 'Allow' | 'Deny';
  /** As in LevelSummary. */
  readonly resources: readonly string[];
  readonly conditions: readonly string[];
  readonly principals: readonly string[];
}

export interface PolicySummary {
  /** `Action: "*"` statements, which the console sums up as full access to all services. */
  readonly everything: readonly FullAccessSummary[];
  readonly services: readonly ServiceSummary[];
  readonly wildcards: readonly WildcardSummary[];
  /**
   * What the summary cannot break down: `NotAction` statements, unknown services, and
   * services not loaded yet (by prefix).
   */
  readonly unresolved: readonly string[];
}

interface Grant {
  readonly actions: Set<string>;
  readonly resources: Set<string>;
  readonly conditions: Set<string>;
  readonly principals: Set<string>;
}

/** What one effect's statements name in one service. */
interface Named {
  readonly levels: Map<AccessLevel, Grant>;
  readonly uncategorized: Set<string>;
}

function conditionsOf(st: Statement): string[] {
  return st.conditions.map((c) => `${c.operator.value} ${c.key.value}`);
}

/** `*` or `*:*`: every action of every service. */
function isEveryAction(text: string): boolean {
  return text === '*' || /^\*+:\*+$/.test(text);
}

function principalsOf(st: Statement): string[] {
  const named = (spec: PrincipalSpec, prefix: string): string[] =>
    spec.kind === 'wildcard'
      ? [`${prefix}*`]
      : spec.entries.map((e) => `${prefix}${e.type} ${e.value.value}`);
  return [
    ...(st.principal === undefined ? [] : named(st.principal, '')),
    ...(st.notPrincipal === undefined ? [] : named(st.notPrincipal, 'NotPrincipal ')),
  ];
}

export function summarizePolicy(document: PolicyDocument, catalog: Catalog): PolicySummary {
  // service → effect → what it names
  const grants = new Map<string, Map<'Allow' | 'Deny', Named>>();
  const wildcards: WildcardSummary[] = [];
  const unresolved = new Set<string>();
  const everything: FullAccessSummary[] = [];
  const named = (service: string, effect: 'Allow' | 'Deny'): Named => {
    let byEffect = grants.get(service);
    if (byEffect === undefined) {
      byEffect = new Map();
      grants.set(service, byEffect);
    }
    let found = byEffect.get(effect);
    if (found === undefined) {
      found = { levels: new Map(), uncategorized: new Set() };
      byEffect.set(effect, found);
    }
    return found;
  };
  const add = (st: Statement, action: Action): void => {
    const byLevel = named(action.service, st.effect).levels;
    let grant = byLevel.get(action.accessLevel);
    if (grant === undefined) {
      grant = {
        actions: new Set(),
        resources: new Set(),
        conditions: new Set(),
        principals: new Set(),
      };
      byLevel.set(action.accessLevel, grant);
    }
    grant.actions.add(`${action.service}:${action.name}`);
    for (const r of st.resource ?? []) grant.resources.add(r.value);
    for (const r of st.notResource ?? []) grant.resources.add(`NotResource ${r.value}`);
    for (const c of conditionsOf(st)) grant.conditions.add(c);
    for (const p of principalsOf(st)) grant.principals.add(p);
  };
  for (const st of document.statements) {
    if (st.notAction !== undefined) unresolved.add('NotAction');
    // One entry per statement however many times it says `*`.
    if ((st.action ?? []).some((v) => isEveryAction(v.value))) {
      const resources = [
        ...(st.resource ?? []).map((r) => r.value),
        ...(st.notResource ?? []).map((r) => `NotResource ${r.value}`),
      ];
      everything.push({
        effect: st.effect,
        resources,
        conditions: conditionsOf(st),
        principals: principalsOf(st),
      });
    }
    for (const v of st.action ?? []) {
      const text = v.value;
      const colon = text.indexOf(':');
      if (isEveryAction(text)) continue;
      if (colon <= 0) {
        unresolved.add(text);
        continue;
      }
      const prefix = text.slice(0, colon);
      const service = catalog.service(prefix);
      if (service === undefined || service === null) {
        unresolved.add(prefix.toLowerCase());
        continue;
      }
      const name = text.slice(colon + 1);
      const wild = name.includes('*') || name.includes('?');
      const found = wild ? matchActions(service, name) : [service.action(name)];
      const actions = found.filter((a): a is Action => a !== undefined);
      if (wild) {
        wildcards.push({
          pattern: text,
          path: v.path,
          actions: actions.map((a) => `${a.service}:${a.name}`).sort(),
        });
      }
      for (const a of actions) add(st, a);
      if (actions.length === 0) named(service.prefix, st.effect).uncategorized.add(text);
    }
  }
  const services: ServiceSummary[] = [];
  for (const prefix of [...grants.keys()].sort()) {
    const byEffect = grants.get(prefix);
    for (const effect of ['Allow', 'Deny'] as const) {
      const found = byEffect?.get(effect);
      if (found === undefined) continue;
      const byLevel = found.levels;
      services.push({
        prefix,
        name: catalog.serviceName(prefix) ?? prefix,
        effect,
        levels: ACCESS_LEVELS.flatMap((level) => {
          const g = byLevel.get(level);
          return g === undefined
            ? []
            : [
                {
                  level,
                  actions: [...g.actions].sort(),
                  resources: [...g.resources],
                  conditions: [...g.conditions],
                  principals: [...g.principals],
                },
              ];
        }),
        uncategorized: [...found.uncategorized].sort(),
      });
    }
  }
  return { everything, services, wildcards, unresolved: [...unresolved] };
}
