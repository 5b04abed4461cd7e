// What changed between two access maps, as "+" and "−" lines: Access Analyzer's "no new
// access" check for a whole world, with the reason in words.
//
// For each subject and target the two maps hold the easiest requirement sets. A set of the
// old map that no new set is at most as demanding as is access lost (or made harder); a new
// set that no old set was at most as demanding as is access gained (or made easier).
import type { Localized } from '../policy/types.ts';
import { targetKey } from './map.ts';
import { requirementSig, subsetOf } from './requirements.ts';
import type { AccessMap, Requirement, Subject, SubjectAccess, Target } from './types.ts';
import {
  evenWithPhrase,
  jaNoLonger,
  jaNow,
  subjectName,
  targetPhrase,
  withPhrase,
  withoutPhrase,
} from './words.ts';

export type ChangeKind =
  /** No way before, a way now (`with` holds what it takes). */
  | 'gained'
  /** A way before, none now (`requirements`: what that way took, when others remain). */
  | 'lost'
  /** Still possible, but now needs `requirements` where it did not before. */
  | 'tightened'
  /** Possible now without `requirements`, which it needed before. */
  | 'relaxed';

export interface AccessChange {
  readonly sign: '+' | '−';
  readonly kind: ChangeKind;
  readonly subject: Subject;
  /** One role, or one bucket with every action that changed the same way. */
  readonly targets: readonly Target[];
  /** gained: what it takes now; tightened: what is now needed; relaxed: what no longer is. */
  readonly requirements: readonly Requirement[];
  readonly text: Localized;
}

type Sets = readonly (readonly Requirement[])[];

type Entry = { subject: Subject; target: Target; sets: Sets };

/** The entries of one subject, by target. */
function entriesOf(sa: SubjectAccess): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const reach of [...sa.roles, ...sa.buckets]) {
    out.set(targetKey(reach.target), {
      subject: sa.subject,
      target: reach.target,
      sets: reach.routes.map((r) => r.requirements),
    });
  }
  return out;
}

/** A text that two equal lists of requirement sets share, whatever their order. */
function setsKey(sets: Sets): string {
  if (sets.every((set) => set.length === 0)) return String(sets.length);
  return sets
    .map((set) => set.map(requirementSig).sort().join('&'))
    .sort()
    .join('|');
}

/**
 * Subject by subject; a subject whose reach is the very same object in both maps (the map
 * keeps the reach of every subject an edit cannot have touched) is skipped unread.
 */
function changedEntries(before: AccessMap, after: AccessMap): Raw[] {
  const old = new Map(before.subjects.map((s) => [s.subject.id, s]));
  const raw: Raw[] = [];
  const seen = new Set<string>();
  const compareSubject = (x: SubjectAccess | undefined, y: SubjectAccess | undefined): void => {
    if (x === y) return;
    const a = x ? entriesOf(x) : new Map<string, Entry>();
    const b = y ? entriesOf(y) : new Map<string, Entry>();
    for (const key of new Set([...a.keys(), ...b.keys()])) {
      const p = a.get(key);
      const q = b.get(key);
      const e = q ?? p;
      if (e === undefined) continue;
      if (p && q && setsKey(p.sets) === setsKey(q.sets)) continue;
      raw.push(...compare(e.subject, e.target, p?.sets ?? [], q?.sets ?? []));
    }
  };
  for (const sa of after.subjects) {
    seen.add(sa.subject.id);
    compareSubject(old.get(sa.subject.id), sa);
  }
  for (const sa of before.subjects) if (!seen.has(sa.subject.id)) compareSubject(sa, undefined);
  return raw;
}

function easiest(sets: Sets): readonly Requirement[] {
  return [...sets].sort((a, b) => a.length - b.length)[0] ?? [];
}

function minus(a: readonly Requirement[], b: readonly Requirement[]): Requirement[] {
  return a.filter((x) => !b.some((y) => requirementSig(x) === requirementSig(y)));
}

/** The topic marker は: spaced after a Latin name (`alice は`), joined after Japanese (`ロールは`). */
function topic(who: string): string {
  return (who.codePointAt(who.length - 1) ?? 0) < 0x80 ? `${who} は` : `${who}は`;
}

function words(
  kind: ChangeKind,
  subject: Subject,
  targets: readonly Target[],
  reqs: readonly Requirement[],
  aliases: ReadonlyMap<string, string>,
): Localized {
  const who = { en: subjectName(subject, 'en'), ja: subjectName(subject, 'ja') };
  const what = {
    en: targetPhrase(targets, 'en', aliases),
    ja: targetPhrase(targets, 'ja', aliases),
  };
  switch (kind) {
    case 'gained': {
      const en = reqs.length === 0 ? '' : `, ${withPhrase(reqs, 'en')}`;
      const ja = reqs.length === 0 ? '' : `${withPhrase(reqs, 'ja')} `;
      return {
        en: `+ ${who.en} can now ${what.en}${en}`,
        ja: `+ ${topic(who.ja)} ${ja}${jaNow(what.ja)}`,
      };
    }
    case 'lost': {
      if (reqs.length === 0)
        return {
          en: `− ${who.en} can no longer ${what.en}`,
          ja: `− ${topic(who.ja)} ${jaNoLonger(what.ja)}`,
        };
      return {
        en: `− ${who.en} can no longer ${what.en} ${evenWithPhrase(reqs, 'en')}`,
        ja: `− ${topic(who.ja)} ${evenWithPhrase(reqs, 'ja')} ${jaNoLonger(what.ja)}`,
      };
    }
    case 'tightened':
      return {
        en: `− ${who.en} can no longer ${what.en} ${withoutPhrase(reqs, 'en', false)}`,
        ja: `− ${topic(who.ja)} ${withoutPhrase(reqs, 'ja', false)} ${jaNoLonger(what.ja)}`,
      };
    case 'relaxed':
      return {
        en: `+ ${who.en} can now ${what.en} ${withoutPhrase(reqs, 'en', true)}`,
        ja: `+ ${topic(who.ja)} ${withoutPhrase(reqs, 'ja', true)} ${jaNow(what.ja)}`,
      };
  }
}

interface Raw {
  readonly kind: ChangeKind;
  readonly subject: Subject;
  readonly target: Target;
  readonly requirements: readonly Requirement[];
}

function compare(subject: Subject, target: Target, before: Sets, after: Sets): Raw[] {
  if (before.length === 0 && after.length === 0) return [];
  if (before.length === 0)
    return [{ kind: 'gained', subject, target, requirements: easiest(after) }];
  if (after.length === 0) return [{ kind: 'lost', subject, target, requirements: [] }];
  const out: Raw[] = [];
  const lostSets = before.filter((a) => !after.some((b) => subsetOf(b, a)));
  const newSets = after.filter((b) => !before.some((a) => subsetOf(a, b)));
  const lost = lostSets.length > 0 ? easiest(lostSets) : undefined;
  if (lost !== undefined) {
    // Harder than before (a superset of the old way): say what it now takes. Otherwise that
    // way in is gone, worded with what it took (an ExternalId that changed value).
    const harder = after.find((x) => subsetOf(lost, x));
    out.push(
      harder
        ? { kind: 'tightened', subject, target, requirements: minus(harder, lost) }
        : { kind: 'lost', subject, target, requirements: lost },
    );
  }
  const fresh = newSets.length > 0 ? easiest(newSets) : undefined;
  if (fresh !== undefined) {
    // Easier than an old way (a subset of it): say what is no longer needed. Otherwise it
    // is another way in, worded with what it takes.
    const wider = before.find((x) => subsetOf(fresh, x));
    out.push(
      wider
        ? { kind: 'relaxed', subject, target, requirements: minus(wider, fresh) }
        : { kind: 'gained', subject, target, requirements: fresh },
    );
  }
  return out;
}

/**
 * The changes from `before` to `after`, one line per subject and role, and per subject and
 * bucket for the actions that changed alike; lost access first, then gained, each in the
 * order of the map's subjects.
 */
export function diffAccessMaps(
  before: AccessMap,
  after: AccessMap,
  accounts: readonly { readonly id: string; readonly alias: string }[] = [],
): AccessChange[] {
  const aliases = new Map(accounts.map((a) => [a.id, a.alias]));
  const raw = changedEntries(before, after);
  const order = new Map(after.subjects.map((s, i) => [s.subject.id, i]));
  for (const s of before.subjects)
    if (!order.has(s.subject.id)) order.set(s.subject.id, order.size);
  const groups = new Map<string, { first: Raw; targets: Target[] }>();
  for (const r of raw) {
    const t = r.target;
    const what = t.kind === 'role' ? targetKey(t) : `bucket:${t.bucket}`;
    const key = [
      r.subject.id,
      r.kind,
      what,
      r.requirements.map(requirementSig).sort().join('&'),
    ].join('\u0000');
    const g = groups.get(key);
    if (g) g.targets.push(t);
    else groups.set(key, { first: r, targets: [t] });
  }
  const rank = (k: ChangeKind): number => (k === 'lost' || k === 'tightened' ? 0 : 1);
  return [...groups.values()]
    .sort(
      (x, y) =>
        rank(x.first.kind) - rank(y.first.kind) ||
        (order.get(x.first.subject.id) ?? 0) - (order.get(y.first.subject.id) ?? 0) ||
        targetKey(x.first.target).localeCompare(targetKey(y.first.target)),
    )
    .map(({ first, targets }) => ({
      sign: rank(first.kind) === 0 ? '−' : '+',
      kind: first.kind,
      subject: first.subject,
      targets,
      requirements: first.requirements,
      text: words(first.kind, first.subject, targets, first.requirements, aliases),
    }));
}
