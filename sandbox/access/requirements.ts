// What a caller can bring to a hop, and the smallest set of it that opens the hop.
// The keys are the request context keys a caller controls (MFA, the ExternalId it sends, its
// source IP, the session tags and name it asks for, the claims its IdP puts in a token); the
// values tried are those the policies on the hop mention, plus "absent" (the baseline) and
// one value that matches none of them. The engine decides every try: nothing here evaluates
// a condition.
// Keys: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html
// and https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html
import { parseOperator } from '../policy/operators.ts';
import type { ParsedPolicy } from '../policy/types.ts';
import { ipInRange, parseIpAddress, parseIpValue } from '../policy/values.ts';
import type { ContextValue } from '../engine/types.ts';
import type { Requirement, RequirementKind } from './types.ts';

/** Which kinds of requirement a caller can meet on a hop. */
export type Controls = ReadonlySet<RequirementKind>;

/** One controllable key and the values worth trying for it. */
export interface Variable {
  /** Lowercased key, or `mfa` for the MFA pair of keys. */
  readonly id: string;
  readonly candidates: readonly Requirement[];
}

/** Values no policy is likely to name, for "any value but those". */
const OTHER_STRING = 'iamlab-other-value';
const OTHER_IPS = ['192.0.2.77', '198.51.100.77', '203.0.113.77', '2001:db8::77'];

/** The kind of requirement a key is, on a hop where the caller controls `controls`; else null. */
function kindOf(
  lower: string,
  controls: Controls,
  claimPrefixes: readonly string[],
): RequirementKind | null {
  const pick = (kind: RequirementKind): RequirementKind | null =>
    controls.has(kind) ? kind : null;
  if (lower === 'aws:multifactorauthpresent' || lower === 'aws:multifactorauthage')
    return pick('mfa');
  if (lower === 'sts:externalid') return pick('external-id');
  if (lower === 'aws:sourceip') return pick('source-ip');
  if (lower.startsWith('aws:requesttag/')) return pick('session-tag');
  if (lower === 'sts:rolesessionname') return pick('session-name');
  if (lower === 'sts:sourceidentity') return pick('source-identity');
  if (claimPrefixes.some((p) => lower.startsWith(p))) return pick('claim');
  return null;
}

/** A value that a `*`/`?` pattern matches: each wildcard becomes one letter. */
function exampleOf(pattern: string): string {
  return pattern.replace(/[*?]/g, 'x');
}

function otherIp(mentioned: readonly string[]): string {
  const ranges = mentioned.map(parseIpValue).filter((r) => r !== null);
  for (const ip of OTHER_IPS) {
    const address = parseIpAddress(ip);
    if (address !== null && !ranges.some((r) => ipInRange(r, address))) return ip;
  }
  return OTHER_IPS[0] ?? '192.0.2.77';
}

const SPECIAL: Readonly<Record<string, string>> = { '*': '*', '?': '?', $: '$' };

/**
 * A policy value with its policy variables filled from the caller's own context, as the
 * engine will fill them (`${aws:username}` → `alice`): the value the caller must send to
 * match. `null` when a variable names a key the caller does not carry.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html
 */
function substitute(value: string, context: Readonly<Record<string, ContextValue>>): string | null {
  if (!value.includes('${')) return value;
  const lower = new Map(Object.entries(context).map(([k, v]) => [k.toLowerCase(), v]));
  const missing: string[] = [];
  const out = value.replace(/\$\{([^}]*)\}/g, (_, name: string) => {
    const special = SPECIAL[name];
    if (special !== undefined) return special;
    const found = lower.get(name.toLowerCase());
    if (typeof found === 'string') return found;
    missing.push(name);
    return '';
  });
  return missing.length > 0 ? null : out;
}

/**
 * The controllable keys the policies' conditions use, each with the values worth trying.
 * `claimPrefixes` are the lowercased `saml:` / `HOST:` prefixes an IdP's token sets.
 * `fixed` are claim keys the IdP always sets to one value (never a requirement).
 */
export function variablesOf(
  policies: readonly (ParsedPolicy | null)[],
  controls: Controls,
  claimPrefixes: readonly string[] = [],
  fixed: ReadonlySet<string> = new Set(),
  context: Readonly<Record<string, ContextValue>> = {},
): Variable[] {
  const found = new Map<
    string,
    { key: string; kind: RequirementKind; values: Requirement[]; ips: string[] }
  >();
  for (const policy of policies) {
    for (const statement of policy?.document?.statements ?? []) {
      for (const condition of statement.conditions) {
        const key = condition.key.value;
        const lower = key.toLowerCase();
        if (fixed.has(lower)) continue;
        const kind = kindOf(lower, controls, claimPrefixes);
        if (kind === null) continue;
        const id = kind === 'mfa' ? 'mfa' : lower;
        let entry = found.get(id);
        if (entry === undefined) {
          entry = {
            key: kind === 'mfa' ? 'aws:MultiFactorAuthPresent' : key,
            kind,
            values: [],
            ips: [],
          };
          found.set(id, entry);
        }
        if (kind === 'mfa') continue;
        const op = parseOperator(condition.operator.value);
        for (const written of condition.values) {
          const value = substitute(written.value, context);
          if (value === null) continue;
          if (op?.family === 'IpAddress') {
            entry.ips.push(value);
            const slash = value.indexOf('/');
            entry.values.push({
              kind,
              key: entry.key,
              value: slash < 0 ? value : value.slice(0, slash),
              how: 'match',
              policyValue: value,
            });
          } else if (op?.family === 'Null') {
            continue;
          } else {
            const sent = op?.like === true ? exampleOf(value) : value;
            const multi = op?.set !== null && op?.set !== undefined;
            entry.values.push({
              kind,
              key: entry.key,
              value: multi ? [sent] : sent,
              how: 'match',
              policyValue: value,
            });
          }
        }
      }
    }
  }
  const out: Variable[] = [];
  for (const [id, entry] of found) {
    if (entry.kind === 'mfa') {
      out.push({ id, candidates: [{ kind: 'mfa', key: entry.key, value: 'true', how: 'match' }] });
      continue;
    }
    const seen = new Set<string>();
    const candidates = entry.values.filter((r) => {
      const sig = JSON.stringify(r.value);
      if (seen.has(sig)) return false;
      seen.add(sig);
      return true;
    });
    const other = entry.kind === 'source-ip' ? otherIp(entry.ips) : OTHER_STRING;
    candidates.push({ kind: entry.kind, key: entry.key, value: other, how: 'other' });
    out.push({ id, candidates });
  }
  return out;
}

/** Cap on engine calls per hop: enough for three keys with a handful of values each. */
const MAX_TRIES = 300;
/** Alternatives kept per hop: the map shows the easiest few, not every combination. */
const MAX_ALTERNATIVES = 4;

/**
 * Tries no requirement, then every single one, then pairs and triples, and returns every
 * set of the smallest size that `allows` (at most a few); `[]` when none does.
 */
export function smallestSets(
  variables: readonly Variable[],
  allows: (set: readonly Requirement[]) => boolean,
): Requirement[][] {
  if (allows([])) return [[]];
  let tries = 1;
  const found: Requirement[][] = [];
  const maxSize = Math.min(3, variables.length);
  for (let size = 1; size <= maxSize && found.length === 0; size++) {
    const pick = (start: number, chosen: Requirement[]): boolean => {
      if (chosen.length === size) {
        if (tries++ >= MAX_TRIES) return false;
        // A fresh array per try: callers may keep it (and what it opened) as the answer.
        const set = [...chosen];
        if (allows(set)) found.push(set);
        return found.length < MAX_ALTERNATIVES;
      }
      for (let i = start; i < variables.length; i++) {
        for (const candidate of variables[i]?.candidates ?? []) {
          chosen.push(candidate);
          const go = pick(i + 1, chosen);
          chosen.pop();
          if (!go) return false;
        }
      }
      return true;
    };
    pick(0, []);
    if (tries >= MAX_TRIES) break;
  }
  return found;
}

/** The context keys a set of requirements adds to a request. */
export function contextOf(set: readonly Requirement[]): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  const tagKeys: string[] = [];
  for (const r of set) {
    if (r.kind === 'mfa') {
      out['aws:MultiFactorAuthPresent'] = 'true';
      out['aws:MultiFactorAuthAge'] = '0';
    } else {
      out[r.key] = r.value;
      if (r.kind === 'session-tag') tagKeys.push(r.key.slice('aws:RequestTag/'.length));
    }
  }
  if (tagKeys.length > 0) out['aws:TagKeys'] = tagKeys;
  return out;
}

/** A stable text for a requirement, to compare sets across two maps. */
export function requirementSig(r: Requirement): string {
  return `${r.kind}|${r.key.toLowerCase()}|${JSON.stringify(r.value)}`;
}

/** The union of two requirement sets, each key once (the first value wins). */
export function unionOf(a: readonly Requirement[], b: readonly Requirement[]): Requirement[] {
  const out = [...a];
  for (const r of b) if (!out.some((x) => requirementSig(x) === requirementSig(r))) out.push(r);
  return out;
}

/** True when every requirement of `a` is in `b`. */
export function subsetOf(a: readonly Requirement[], b: readonly Requirement[]): boolean {
  return a.every((x) => b.some((y) => requirementSig(x) === requirementSig(y)));
}

export type { RequirementKind };
