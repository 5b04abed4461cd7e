// The access map under arbitrary edits of a chapter's world: it never throws, a map compared
// with itself has no change, and recomputing through the cache the worker keeps gives what
// a fresh computation gives (so the incremental path can never show stale access).
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffAccessMaps } from '../../sandbox/access/diff.ts';
import { scenarioIdentities } from '../../sandbox/access/identities.ts';
import { computeAccessMap } from '../../sandbox/access/map.ts';
import { createAccessCache } from '../../sandbox/access/model.ts';
import { loadScenarios } from '../../sandbox/scenario/load.ts';
import { readTree } from './scenario-tree.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

// Chapter 12 has users, a vendor, a GitHub pipeline, MFA and an ExternalId in one world.
const loaded = loadScenarios(readTree(join(root, 'content/scenarios/ch12-capstone')));
const scenario = loaded.scenarios[0];
if (scenario === undefined) throw new Error('no ch12 scenario');
const ids = Object.keys(scenario.world.documents);
const solved = { ...scenario.world.documents, ...scenario.solution };
const identities = scenarioIdentities(scenario);
const now = scenario.clockStart;

const statement = fc.record({
  Effect: fc.constantFrom('Allow', 'Deny'),
  Principal: fc.constantFrom('*', { AWS: '111111111111' }, { AWS: '444455556666' }, undefined),
  Action: fc.constantFrom('sts:AssumeRole', 's3:*', '*', 'sts:TagSession'),
  Resource: fc.constantFrom('*', 'arn:aws:s3:::example-prod-releases/*', undefined),
  Condition: fc.constantFrom(
    undefined,
    { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    { StringEquals: { 'sts:ExternalId': 'x-1' } },
    { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
  ),
});

/** One document's new text: the start's, the solution's, a generated policy or garbage. */
const edit = fc.record({
  doc: fc.constantFrom(...ids),
  text: fc.oneof(
    fc.constant(null),
    fc
      .array(statement, { minLength: 1, maxLength: 3 })
      .map((s) => JSON.stringify({ Version: '2012-10-17', Statement: s })),
    fc.string({ maxLength: 40 }),
  ),
});

describe('access map under random edits', () => {
  it('never throws, and through one cache equals a fresh computation after every edit', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const cache = createAccessCache();
        let documents: Record<string, string> = { ...scenario.world.documents };
        let previous = computeAccessMap(scenario.world, { now, identities }, cache);
        for (const e of edits) {
          documents = { ...documents, [e.doc]: e.text ?? solved[e.doc] ?? '' };
          const world = { ...scenario.world, documents };
          const next = computeAccessMap(world, { now, identities }, cache);
          expect(next).toEqual(computeAccessMap(world, { now, identities }));
          expect(diffAccessMaps(next, next)).toEqual([]);
          diffAccessMaps(previous, next, world.accounts);
          previous = next;
        }
      }),
      { numRuns: 40 },
    );
  });
});
