// The editor and the engine see the same findings for every editable document of every
// scenario: both parse it with documentPolicyOptions (kind, third parties, size quota), so the
// editor shows what the engine computes — the third-party trust without sts:ExternalId
// (chapters 4 and 12) included. The engine's side is collected the way STS resolves a world.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding, ParsedPolicy } from '../../sandbox/policy/types.ts';
import { loadScenarios } from '../../sandbox/scenario/load.ts';
import { decidingRanges } from '../../sandbox/explain/highlight.ts';
import { applyOverlay, runAttempt } from '../../sandbox/scenario/run.ts';
import type { Scenario } from '../../sandbox/scenario/types.ts';
import { findRole, findUser, roleArnOf } from '../../sandbox/world/lookup.ts';
import { documentPolicyOptions, documentUses } from '../../sandbox/world/policy-options.ts';
import {
  boundaryOf,
  orgPolicyLevels,
  parseDocument,
  roleIdentityPolicies,
  trustPolicyOf,
  userIdentityPolicies,
} from '../../sandbox/world/resolve.ts';
import type { World } from '../../sandbox/world/types.ts';
import { findingsFor } from '../../src/island/core.ts';
import { readTree } from './scenario-tree.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const scenarios: Scenario[] = ['content/scenarios', 'src/scenarios'].flatMap(
  (dir) => loadScenarios(readTree(join(root, dir))).scenarios,
);

/** Every policy the engine parses from the world, as STS resolves callers and resources. */
function enginePolicies(world: World): ParsedPolicy[] {
  const out: (ParsedPolicy | null)[] = [];
  for (const account of world.accounts) {
    for (const user of account.users ?? []) {
      const found = findUser(
        world,
        `arn:aws:iam::${account.id}:user${user.path ?? '/'}${user.name}`,
      );
      if (found === undefined) continue;
      out.push(...userIdentityPolicies(world, found));
      out.push(boundaryOf(world, account, user.permissionsBoundary));
    }
    for (const role of account.roles ?? []) {
      const found = findRole(world, roleArnOf(account, role));
      if (found === undefined) continue;
      out.push(...roleIdentityPolicies(world, found), trustPolicyOf(world, found));
      out.push(boundaryOf(world, account, role.permissionsBoundary));
    }
    for (const bucket of account.buckets ?? []) {
      if (bucket.policy !== undefined)
        out.push(parseDocument(world, bucket.policy, `bucket:${bucket.name}`));
    }
    out.push(...orgPolicyLevels(world, account.id, 'scp').flat());
    out.push(...orgPolicyLevels(world, account.id, 'rcp').flat());
  }
  return out.filter((p): p is ParsedPolicy => p !== null);
}

const comparable = (findings: readonly Finding[]) =>
  findings.map((f) => ({ code: f.code, severity: f.severity, path: f.path, message: f.message }));

describe('editor and engine findings agree', () => {
  it('covers the scenarios of both folders, and some document has the third-party warning', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(15);
    const codes = scenarios.flatMap((s) =>
      s.editable.flatMap((id) =>
        findingsFor(s.world.documents[id] ?? '', documentPolicyOptions(s.world, id)).map(
          (f) => f.code,
        ),
      ),
    );
    expect(codes).toContain('third-party-without-external-id');
  });

  for (const scenario of scenarios) {
    for (const [state, world] of [
      ['start', scenario.world],
      ['solution', applyOverlay(scenario.world, scenario.solution)],
    ] as const) {
      it(`${scenario.id} (${state}): every editable document`, () => {
        const engine = enginePolicies(world);
        for (const id of scenario.editable) {
          const text = world.documents[id] ?? '';
          const editor = findingsFor(text, documentPolicyOptions(world, id));
          const parsed = engine.filter((p) => p.doc === id);
          // INVARIANT: every editable document is used somewhere in the world.
          expect(parsed.length, `${id} is never parsed by the engine`).toBeGreaterThan(0);
          for (const p of parsed) {
            expect(comparable(p.findings), `${scenario.id} ${state} ${id} as ${p.name}`).toEqual(
              comparable(editor),
            );
          }
        }
      });
    }
  }
});

describe('document identity is data', () => {
  it('every statement a run credits names a world document by its id (or an AWS default policy)', () => {
    const builtIn = new Set(['FullAWSAccess', 'RCPFullAWSAccess']);
    const kinds = new Set<string>();
    const stray: string[] = [];
    for (const scenario of scenarios) {
      const world = applyOverlay(scenario.world, scenario.solution);
      const uses = documentUses(world);
      for (const attempt of [...scenario.attempts, ...scenario.goals]) {
        for (const step of runAttempt(world, scenario.clockStart, attempt).steps) {
          for (const [doc, range] of decidingRanges(step.outcome.trace)) {
            const use = uses.get(doc);
            if (use === undefined) {
              if (!builtIn.has(doc)) stray.push(`${scenario.id}/${attempt.id}: ${doc}`);
              continue;
            }
            kinds.add(use.kind);
            // The range points into that document's own text.
            expect((world.documents[doc] ?? '').slice(range.start, range.end)).toMatch(/^\{/);
          }
        }
      }
    }
    expect(stray).toEqual([]);
    // Bucket policies, boundaries, SCPs, RCPs, trust and identity policies alike.
    expect([...kinds].sort()).toEqual(['boundary', 'identity', 'rcp', 'resource', 'scp', 'trust']);
  });
});
