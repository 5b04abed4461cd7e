// "How can X reach Y?": every chain of hops from a subject to a role or a bucket, with the
// gates and requirements of each hop; when there is none, each candidate path up to the hop
// that no requirement opens, and the gate that stops it there.
import { landsOf, needsMfa } from './map.ts';
import { requirementSig, unionOf } from './requirements.ts';
import type { AccessMap, BlockedHop, Hop, Requirement, Subject, Target } from './types.ts';

export interface PathsQuery {
  /** A subject id, an ARN (user, role, IdP, outsider) or a user or role name; `anyone`. */
  readonly from: string;
  /** A role ARN or name, a bucket name or `arn:aws:s3:::NAME` (then every bucket action). */
  readonly to: string;
}

export interface FoundPath {
  readonly hops: readonly Hop[];
  readonly requirements: readonly Requirement[];
}

export interface StoppedPath {
  /** The hops that work, up to the caller of the blocked hop (empty: X itself is stopped). */
  readonly hops: readonly Hop[];
  readonly blocked: BlockedHop;
  /** The hops that would lead on from the blocked hop's role to the target. */
  readonly after: readonly Hop[];
}

export type PathsResult =
  | { readonly ok: false; readonly problem: 'unknown-from' | 'unknown-to'; readonly name: string }
  | {
      readonly ok: true;
      readonly from: Subject;
      readonly to: readonly Target[];
      readonly paths: readonly FoundPath[];
      /** Only when `paths` is empty. */
      readonly stopped: readonly StoppedPath[];
    };

/** Enough to show every chain of a chapter's world; a generated world is cut off here. */
const MAX_PATHS = 50;
const MAX_DEPTH = 6;

export function findSubject(map: AccessMap, text: string): Subject | undefined {
  const subjects = map.subjects.map((s) => s.subject);
  return (
    subjects.find((s) => s.id === text) ??
    subjects.find((s) => s.arn === text) ??
    subjects.find((s) => (s.kind === 'user' || s.kind === 'role') && s.name === text) ??
    subjects.find((s) => s.name === text)
  );
}

function targetsOf(map: AccessMap, text: string): Target[] {
  const all = new Map<string, Target>();
  for (const hop of [...map.hops, ...map.blocked]) {
    const t = hop.to;
    const bucketName = text.startsWith('arn:aws:s3:::') ? text.slice('arn:aws:s3:::'.length) : text;
    const hit = t.kind === 'role' ? t.arn === text || t.name === text : t.bucket === bucketName;
    if (hit) all.set(t.kind === 'role' ? t.arn : `${t.bucket}:${t.action}`, t);
  }
  return [...all.values()];
}

function same(a: Target, b: Target): boolean {
  return a.kind === 'role'
    ? b.kind === 'role' && a.arn === b.arn
    : b.kind === 'bucket' && a.bucket === b.bucket && a.action === b.action;
}

function roleId(t: Target): string | null {
  return t.kind === 'role' ? `role:${t.arn}` : null;
}

export function findPaths(map: AccessMap, query: PathsQuery): PathsResult {
  const from = findSubject(map, query.from);
  if (from === undefined) return { ok: false, problem: 'unknown-from', name: query.from };
  const to = targetsOf(map, query.to);
  if (to.length === 0) return { ok: false, problem: 'unknown-to', name: query.to };
  const edges = new Map<string, Hop[]>();
  for (const hop of map.hops) edges.set(hop.from, [...(edges.get(hop.from) ?? []), hop]);
  const paths: FoundPath[] = [];
  // Every node X can stand at, with the first chain that got there (for stopped paths).
  const standing = new Map<string, readonly Hop[]>([[from.id, []]]);
  const walk = (at: string, hops: Hop[], visited: Set<string>): void => {
    if (paths.length >= MAX_PATHS || hops.length >= MAX_DEPTH) return;
    for (const hop of edges.get(at) ?? []) {
      if (!from.mfa && needsMfa(hop)) continue;
      if (to.some((t) => same(t, hop.to))) {
        if (paths.length < MAX_PATHS) {
          const chain = [...hops, hop];
          paths.push({
            hops: chain,
            requirements: chain.reduce<Requirement[]>((acc, h) => unionOf(acc, h.requirements), []),
          });
        }
        continue;
      }
      const next = landsOf(hop);
      if (next === null || visited.has(next)) continue;
      if (!standing.has(next)) standing.set(next, [...hops, hop]);
      visited.add(next);
      hops.push(hop);
      walk(next, hops, visited);
      hops.pop();
      visited.delete(next);
    }
  };
  walk(from.id, [], new Set([from.id]));
  const sig = (p: FoundPath): string =>
    p.hops
      .map((h) => `${h.from}>${landsOf(h) ?? ''}|${h.requirements.map(requirementSig).join('&')}`)
      .join(';');
  const unique = [...new Map(paths.map((p) => [sig(p), p])).values()].sort(
    (a, b) => a.hops.length - b.hops.length || a.requirements.length - b.requirements.length,
  );
  const stopped: StoppedPath[] = [];
  if (unique.length === 0) {
    // Where the target can be reached from, and how: a blocked hop into one of those roles
    // is a candidate path too (the intern stopped at Developer, which could reach prod).
    const onward = new Map<string, readonly Hop[]>();
    const queue: string[] = [];
    for (const hop of map.hops) {
      if (to.some((t) => same(t, hop.to)) && !onward.has(hop.from)) {
        onward.set(hop.from, [hop]);
        queue.push(hop.from);
      }
    }
    for (let i = 0; i < queue.length && onward.size < 10_000; i++) {
      const at = queue[i] ?? '';
      for (const hop of map.hops) {
        if (landsOf(hop) !== at || onward.has(hop.from)) continue;
        onward.set(hop.from, [hop, ...(onward.get(at) ?? [])]);
        queue.push(hop.from);
      }
    }
    for (const blocked of map.blocked) {
      const chain = standing.get(blocked.from);
      if (chain === undefined) continue;
      if (to.some((t) => same(t, blocked.to))) stopped.push({ hops: chain, blocked, after: [] });
      else {
        const next = roleId(blocked.to);
        const after = next === null ? undefined : onward.get(next);
        if (after !== undefined) stopped.push({ hops: chain, blocked, after });
      }
    }
  }
  return { ok: true, from, to, paths: unique, stopped };
}
