import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readJsonTree } from '../../bin/commands/scenario-files.ts';
import { loadScenarios } from '../../sandbox/scenario/load.ts';
import { proveScenario } from '../../sandbox/scenario/prove.ts';
import { runAttempt } from '../../sandbox/scenario/run.ts';
import { documentRoles } from '../scenario/documents.ts';
import { fromZip, toZip } from './bundle.ts';
import {
  addAccount,
  addBucket,
  addGoal,
  addGroup,
  addRole,
  addUser,
  everyDocumentEditable,
  exportFolder,
  folderFromFiles,
  folderFromScenario,
  loadFolder,
  removeEntity,
  MY_GOALS,
  type EditResult,
  type WorldFolder,
} from './world-edit.ts';

function playground(): WorldFolder {
  const { scenarios, problems } = loadScenarios(readJsonTree('src/scenarios/playground'));
  expect(problems).toEqual([]);
  const s = scenarios[0];
  if (s === undefined) throw new Error('no playground');
  return folderFromScenario(s);
}

function ok(r: EditResult): WorldFolder {
  if (!r.ok) throw new Error(r.problem);
  return r.folder;
}

const exercise = {
  title: { en: 'My goals', ja: '自分のゴール' },
  instructions: { en: 'Reach the goals.', ja: 'ゴールを達成してください。' },
};

/** The test's world: a new account with a user and a role that the user is to assume. */
function withTeam(): WorldFolder {
  let f = playground();
  f = ok(
    addAccount(f, { id: '555555555555', alias: 'team', purpose: 'workload', inOrganization: true }),
  );
  f = ok(addUser(f, { account: '555555555555', name: 'carol', inlinePolicy: false }));
  f = ok(addRole(f, { account: '555555555555', name: 'Builder', inlinePolicy: true }));
  return f;
}

const assumeBuilder = {
  id: 'custom',
  title: { en: '', ja: '' },
  as: 'arn:aws:iam::555555555555:user/carol',
  steps: [
    { call: { op: 'AssumeRole' as const, roleArn: 'arn:aws:iam::555555555555:role/Builder' } },
  ],
};

const trustCarol = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { AWS: 'arn:aws:iam::555555555555:user/carol' },
      Action: 'sts:AssumeRole',
    },
  ],
});

describe('the playground scenario', () => {
  it('lists every document as editable, each kind at least once', () => {
    const f = playground();
    expect([...f.file.editable].sort()).toEqual(Object.keys(f.documents).sort());
    const loaded = loadFolder(f);
    if (!loaded.ok) throw new Error(loaded.problem);
    const kinds = new Set([...documentRoles(loaded.scenario.world).values()].map((r) => r.kind));
    expect([...kinds].sort()).toEqual(['boundary', 'identity', 'rcp', 'resource', 'scp', 'trust']);
  });
});

describe('world edits', () => {
  it('adds an account into the organization, a user, and a role with its trust policy', () => {
    const f = withTeam();
    const team = f.file.accounts.find((a) => a.id === '555555555555');
    expect(team?.users?.map((u) => u.name)).toEqual(['carol']);
    const role = team?.roles?.[0];
    expect(role?.name).toBe('Builder');
    const trust = JSON.parse(f.documents[role?.trustPolicy ?? ''] ?? 'null') as unknown;
    expect(trust).toMatchObject({
      Statement: [{ Principal: { AWS: 'arn:aws:iam::555555555555:root' } }],
    });
    expect(f.file.organization?.root.accounts).toContain('555555555555');
    // Every document, the new trust and inline policies included, is editable.
    expect([...f.file.editable].sort()).toEqual(Object.keys(f.documents).sort());
    expect(f.file.editable).toContain(role?.trustPolicy);
    expect(role?.inlinePolicies?.[0]?.document).toBeDefined();
  });

  it('refuses duplicates and edits the loader would refuse, and leaves the folder as it was', () => {
    const f = withTeam();
    expect(
      addAccount(f, { id: '555555555555', alias: 'x-y-z', purpose: 'dev', inOrganization: false }),
    ).toEqual({ ok: false, problem: 'exists' });
    expect(addUser(f, { account: '555555555555', name: 'carol', inlinePolicy: false })).toEqual({
      ok: false,
      problem: 'exists',
    });
    const bad = addUser(f, { account: '555555555555', name: 'no spaces', inlinePolicy: false });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem).toContain('names use letters');
    expect(addRole(f, { account: '000000000000', name: 'X', inlinePolicy: false })).toEqual({
      ok: false,
      problem: 'noAccount',
    });
  });

  it('a new role’s default trust lets no one in by itself: carol, without an identity policy, is refused', () => {
    const f = withTeam();
    const loaded = loadFolder(f);
    if (!loaded.ok) throw new Error(loaded.problem);
    const run = runAttempt(loaded.scenario.world, loaded.scenario.clockStart, assumeBuilder);
    expect(run.verdict.status).toBe('denied');
  });

  it('adds a group and a bucket with a policy; removing the group drops memberships', () => {
    let f = withTeam();
    f = ok(addGroup(f, { account: '555555555555', name: 'builders', inlinePolicy: true }));
    f = ok(
      addUser(f, { account: '555555555555', name: 'dave', group: 'builders', inlinePolicy: true }),
    );
    f = ok(addBucket(f, { account: '555555555555', name: 'team-artifacts', policy: true }));
    const bucketDoc = f.file.accounts.at(-1)?.buckets?.[0]?.policy ?? '';
    expect(f.documents[bucketDoc]).toContain('aws:SecureTransport');
    expect(
      addBucket(f, { account: '111111111111', name: 'team-artifacts', policy: false }),
    ).toEqual({
      ok: false,
      problem: 'exists',
    });
    const groupDoc = f.file.accounts.at(-1)?.groups?.[0]?.inlinePolicies?.[0]?.document ?? '';
    f = ok(removeEntity(f, { kind: 'group', account: '555555555555', name: 'builders' }));
    const team = f.file.accounts.at(-1);
    expect(team?.groups).toEqual([]);
    expect(team?.users?.find((u) => u.name === 'dave')?.groups).toEqual([]);
    expect(f.documents[groupDoc]).toBeUndefined();
    expect(f.file.editable).not.toContain(groupDoc);
  });

  it('removing a role drops its documents and the goals and attempts that name it', () => {
    let f = playground();
    const trust = 'policies/deploy-trust.json';
    expect(f.solution[trust]).toBeDefined();
    // Deploy is the only exercise's subject: removing it would leave no goal.
    expect(removeEntity(f, { kind: 'role', account: '222222222222', name: 'Deploy' })).toEqual({
      ok: false,
      problem: 'lastGoal',
    });
    f = ok(
      addGoal(f, {
        attempt: {
          id: 'x',
          title: { en: '', ja: '' },
          as: 'bob',
          steps: [
            { call: { op: 'AssumeRole', roleArn: 'arn:aws:iam::333333333333:role/ReadOnly' } },
          ],
        },
        expect: 'denied',
        title: 'bob cannot read prod',
        exercise,
      }),
    );
    f = ok(removeEntity(f, { kind: 'role', account: '222222222222', name: 'Deploy' }));
    expect(f.documents[trust]).toBeUndefined();
    expect(f.solution[trust]).toBeUndefined();
    expect(f.file.goals.map((g) => g.id)).toEqual(['bob-cannot-read-prod']);
    expect(f.file.exercises.map((e) => e.id)).toEqual([MY_GOALS]);
    expect(f.file.attempts.map((a) => a.id)).toEqual(['vendor-readonly']);
  });

  it('removing an account removes it from the organization and its users’ attempts; the management account stays', () => {
    let f = playground();
    expect(removeEntity(f, { kind: 'account', account: '999999999999' })).toEqual({
      ok: false,
      problem: 'managementAccount',
    });
    f = ok(removeEntity(f, { kind: 'account', account: '444444444444' }));
    expect(f.file.accounts.map((a) => a.alias)).not.toContain('vendor');
    expect(f.file.attempts.map((a) => a.id)).toEqual(['bob-deploy']);
    f = ok(removeEntity(f, { kind: 'account', account: '333333333333' }));
    expect(f.file.organization?.root.accounts).not.toContain('333333333333');
    expect(f.documents['policies/readonly-trust.json']).toBeUndefined();
  });
});

describe('export and import', () => {
  /** The browser test's story in Node: a goal the start fails and the learner's trust solves. */
  function story(): { folder: WorldFolder; learner: Record<string, string> } {
    let f = withTeam();
    f = ok(
      addGoal(f, { attempt: assumeBuilder, expect: 'allowed', title: 'carol builds', exercise }),
    );
    const trust = f.file.accounts.at(-1)?.roles?.[0]?.trustPolicy ?? '';
    return { folder: f, learner: { ...f.documents, [trust]: trustCarol } };
  }

  it('exports a folder that loads and proves: the start fails the new goal, the learner’s documents pass', () => {
    const { folder, learner } = story();
    const out = exportFolder(folder, learner, 'team-world');
    expect(out.problem).toBeNull();
    expect(out.proof?.ok).toBe(true);
    expect(Object.keys(out.files)).toContain('team-world/scenario.json');
    // The same files through the loader and the prove step, as `iamlab check` runs them.
    const { scenarios, problems } = loadScenarios(out.files);
    expect(problems).toEqual([]);
    const s = scenarios[0];
    if (s === undefined) throw new Error('not loaded');
    const proof = proveScenario(s);
    expect(proof.ok).toBe(true);
    expect(proof.exercises.find((e) => e.exercise === MY_GOALS)?.startFails).toEqual([
      'carol-builds',
    ]);
  });

  it('an export whose learner documents do not solve a goal is reported, not hidden', () => {
    const { folder } = story();
    const out = exportFolder(folder, folder.documents, 'team-world');
    expect(out.problem).toBeNull();
    expect(out.proof?.ok).toBe(false);
    expect(out.proof?.unsolved.map((g) => g.goal.id)).toContain('carol-builds');
  });

  it('a zip roundtrip gives the same folder back, whatever the exported id', () => {
    const { folder, learner } = story();
    const out = exportFolder(folder, learner, 'team-world');
    const back = fromZip(toZip(out.files));
    if (!back.ok) throw new Error(back.problem);
    expect(back.folder).toEqual(out.folder);
    // Files directly at the zip's root load too.
    const flat: Record<string, string> = {};
    for (const [p, text] of Object.entries(out.files)) flat[p.slice('team-world/'.length)] = text;
    const again = folderFromFiles(flat);
    expect(again.ok && again.folder).toEqual(out.folder);
  });

  it('an opened folder lets the learner edit every document, the listed ones first', () => {
    const f = playground();
    const narrow = { ...f, file: { ...f.file, editable: ['policies/bob.json'] } };
    const wide = everyDocumentEditable(narrow);
    expect(wide.file.editable[0]).toBe('policies/bob.json');
    expect([...wide.file.editable].sort()).toEqual(Object.keys(f.documents).sort());
  });

  it('random and truncated files never throw and are refused', () => {
    const good = toZip(exportFolder(story().folder, {}, 'w').files);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        expect(fromZip(bytes).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: good.length - 1 }), (cut) => {
        expect(fromZip(good.slice(0, cut)).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('a zip with too many entries is not read', () => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 600; i++) many[`w/policies/p${String(i)}.json`] = '{}';
    expect(fromZip(toZip(many))).toEqual({ ok: false, problem: 'tooLarge' });
  });

  it('broken files are refused with a reason', () => {
    expect(fromZip(new Uint8Array([1, 2, 3]))).toEqual({ ok: false, problem: 'notZip' });
    expect(fromZip(toZip({ 'readme.txt': 'hello' }))).toEqual({ ok: false, problem: 'noScenario' });
    const broken = fromZip(toZip({ 'w/scenario.json': '{"id": "w"' }));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problem).toContain('not valid JSON');
    const missingDoc = exportFolder(story().folder, {}, 'w').files;
    delete missingDoc['w/policies/deploy-trust.json'];
    const refused = fromZip(toZip(missingDoc));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problem).toContain('policies/deploy-trust.json');
  });
});
