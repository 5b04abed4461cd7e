// Every scenario in the repo loads and proves itself; the loader's problems name file and
// field; the committed JSON Schema is the one the zod schema generates; `iamlab check` and
// `iamlab assume` behave as documented.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { loadScenarios } from '../../sandbox/scenario/load.ts';
import { renderProblem } from '../../sandbox/scenario/messages.ts';
import { proveScenario } from '../../sandbox/scenario/prove.ts';
import {
  applyOverlay,
  checkGoals,
  decisionName,
  meets,
  runScenario,
} from '../../sandbox/scenario/run.ts';
import type { Scenario } from '../../sandbox/scenario/types.ts';
import { scenarioJsonSchemaText } from '../../sandbox/scenario/json-schema.ts';
import { readTree } from './scenario-tree.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scenariosDir = join(root, 'content/scenarios');

function iamlab(args: readonly string[]) {
  const result = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', resolve(root, 'bin/iamlab.ts'), ...args],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const loaded = loadScenarios(readTree(scenariosDir));

describe('scenarios in content/scenarios', () => {
  it('all load without problems', () => {
    expect(loaded.problems.map((p) => renderProblem(p))).toEqual([]);
    expect(loaded.scenarios.map((s) => s.id)).toEqual(
      expect.arrayContaining(['jump-account', 'vendor-external-id']),
    );
  });

  it.each(loaded.scenarios.map((s) => [s.id, s] as const))(
    '%s: each exercise starts failing one of its goals, start + solution passes all',
    (_, scenario) => {
      const proof = proveScenario(scenario);
      expect(proof.startAlreadySolved).toBe(false);
      expect(proof.exercises.filter((e) => !e.ok).map((e) => e.exercise)).toEqual([]);
      expect(proof.unsolved.map((g) => g.goal.id)).toEqual([]);
    },
  );

  it('the committed JSON Schema is up to date (npm run gen:schema)', async () => {
    const path = join(scenariosDir, 'scenario.schema.json');
    const options = (await prettier.resolveConfig(path)) ?? {};
    const expected = await prettier.format(scenarioJsonSchemaText(), {
      ...options,
      filepath: path,
    });
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });
});

/**
 * The exercises a chapter page states, in its order: `<a id="ex-ID">` then the bold title and
 * the text, as a numbered list item or as a paragraph. Lines of one item join with a space in
 * English and with nothing in Japanese, as the page renders them.
 */
function chapterExercises(text: string, lang: 'en' | 'ja') {
  const lines = text.split('\n');
  const found: { id: string; body: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const item = /^\d+\. <a id="ex-([\w-]+)"><\/a>(.*)$/.exec(lines[i] ?? '');
    const anchor = /^<a id="ex-([\w-]+)"><\/a>\s*$/.exec(lines[i] ?? '');
    if (!item && !anchor) continue;
    const body = item ? [item[2] ?? ''] : [];
    let j = i + 1;
    if (anchor) while (j < lines.length && (lines[j] ?? '').trim() === '') j++;
    while (
      j < lines.length &&
      (lines[j] ?? '').trim() !== '' &&
      (anchor || /^ {3}/.test(lines[j] ?? ''))
    ) {
      body.push((lines[j] ?? '').trim());
      j++;
    }
    found.push({ id: (item ?? anchor)?.[1] ?? '', body: body.join(lang === 'en' ? ' ' : '') });
  }
  const heading =
    lang === 'en'
      ? /^\*\*(?:Exercise \d+: )?(.+?)\.?\*\*\s*(.*)$/
      : /^\*\*(?:演習 \d+：)?(.+?)。?\*\*：?\s*(.*)$/;
  return found.map(({ id, body }) => {
    const m = heading.exec(body);
    return { id, title: m?.[1] ?? '', instructions: m?.[2] ?? '' };
  });
}

describe('exercises follow the chapter pages', () => {
  const pages = readdirSync(join(root, 'content/docs/chapters')).filter((f) => f.endsWith('.mdx'));
  const cases = pages.flatMap((page) => {
    const text = readFileSync(join(root, 'content/docs/chapters', page), 'utf8');
    const id = /<Sandbox\s+scenario="([^"]+)"/.exec(text)?.[1];
    const scenario = loaded.scenarios.find((s) => s.id === id);
    return scenario ? [[page, scenario] as const] : [];
  });

  it('every chapter with a sandbox is checked', () => {
    expect(cases.length).toBe(12);
  });

  it.each(cases)('%s: same exercises, order, titles and instructions in en and ja', (page, s) => {
    for (const lang of ['en', 'ja'] as const) {
      const dir = lang === 'en' ? 'content/docs/chapters' : 'content/docs/ja/chapters';
      const onPage = chapterExercises(readFileSync(join(root, dir, page), 'utf8'), lang);
      expect(
        s.exercises.map((e) => ({
          id: e.id,
          title: e.title[lang],
          instructions: e.instructions[lang],
        })),
      ).toEqual(onPage);
    }
  });
});

function scenario(id: string): Scenario {
  const found = loaded.scenarios.find((s) => s.id === id);
  if (!found) throw new Error(`no scenario ${id}`);
  return found;
}

/** Goal id → met, with the solution applied and then `documents` on top. */
function metWith(s: Scenario, documents: Record<string, string>, base = s.solution) {
  const world = applyOverlay(applyOverlay(s.world, base), documents);
  return Object.fromEntries(
    checkGoals(world, s.clockStart, s.goals).map((g) => [g.goal.id, g.passed]),
  );
}

const policy = (...statements: object[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

// AWS's own pattern for "no MFA, no access" is an explicit Deny with BoolIfExists; a goal that
// expects a denial must accept it unless the kind of denial is the lesson (issue 13).
const mfaDeny = {
  Sid: 'NoMfaNoEntry',
  Effect: 'Deny',
  Principal: { AWS: '*' },
  Action: 'sts:AssumeRole',
  Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
};
const trustAccount = (account: string) => ({
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${account}:root` },
  Action: 'sts:AssumeRole',
});

describe('fair exercises: other correct solutions pass too', () => {
  it.each([
    ['ch05-mfa', 'policies/prod/admin-trust.json', '111111111111'],
    ['ch12-capstone', 'policies/prod-deploy-trust.json', '111111111111'],
  ])('%s: an explicit Deny without MFA instead of an Allow condition', (id, doc, account) => {
    const s = scenario(id);
    const met = metWith(s, { [doc]: policy(trustAccount(account), mfaDeny) });
    expect(Object.entries(met).filter(([, ok]) => !ok)).toEqual([]);
  });

  it('playground: the vendor’s ready-made attempt works at the start, and fails without its external ID', () => {
    const s = loadScenarios(readTree(join(root, 'src/scenarios'))).scenarios[0];
    if (!s) throw new Error('no playground');
    const vendor = (documents: Record<string, string>) =>
      runScenario(s, documents).attempts.find((a) => a.id === 'vendor-readonly')?.decision;
    // The auditor's own account lets it assume ReadOnly; the trust asks for the external ID.
    expect(vendor({})).toBe('allowed');
    expect(
      vendor({
        'policies/readonly-trust.json': policy({
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::444444444444:root' },
          Action: 'sts:AssumeRole',
          Condition: { StringEquals: { 'sts:ExternalId': 'another-id' } },
        }),
      }),
    ).toBe('implicitDeny');
  });

  it('playground: an explicit Deny without MFA in the Deploy trust', () => {
    const s = loadScenarios(readTree(join(root, 'src/scenarios'))).scenarios[0];
    if (!s) throw new Error('no playground');
    const met = metWith(s, {
      'policies/deploy-trust.json': policy(trustAccount('111111111111'), mfaDeny),
    });
    expect(Object.entries(met).filter(([, ok]) => !ok)).toEqual([]);
  });

  it('ch09-guardrails: the SCP keeps people to the organization’s roles with aws:ResourceOrgID, as the chapter suggests', () => {
    const s = scenario('ch09-guardrails');
    const met = metWith(s, {
      'policies/scp-identity.json': policy(
        {
          Sid: 'StayInTheOrganization',
          Effect: 'Deny',
          Action: 'organizations:LeaveOrganization',
          Resource: '*',
        },
        {
          Sid: 'AssumeOnlyRolesOfOurOrganization',
          Effect: 'Deny',
          Action: 'sts:AssumeRole',
          Resource: '*',
          Condition: { StringNotEqualsIfExists: { 'aws:ResourceOrgID': 'o-exampleorg09' } },
        },
      ),
    });
    expect(Object.entries(met).filter(([, ok]) => !ok)).toEqual([]);
  });

  it('ch01-accounts: an explicit Deny on production data instead of narrowing the policy', () => {
    const s = scenario('ch01-accounts');
    const met = metWith(s, {
      'policies/shared/developers.json': policy(
        { Effect: 'Allow', Action: 's3:*', Resource: '*' },
        {
          Effect: 'Deny',
          Action: 's3:*',
          Resource: ['arn:aws:s3:::prod-customer-data', 'arn:aws:s3:::prod-customer-data/*'],
        },
      ),
    });
    expect(Object.entries(met).filter(([, ok]) => !ok)).toEqual([]);
  });
});

describe('fair exercises: shortcuts fail', () => {
  it('ch03-trust-policies exercise 1: trusting alice alone locks bob out of ReadOnly', () => {
    const s = scenario('ch03-trust-policies');
    const met = metWith(s, {
      'policies/prod/readonly-trust.json': policy({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::111111111111:user/alice' },
        Action: 'sts:AssumeRole',
      }),
    });
    expect(met['alice-readonly']).toBe(true);
    expect(met['bob-readonly']).toBe(false);
  });

  it('ch04-confused-deputy exercise 2: the right external ID alone does not keep strangers out', () => {
    const s = scenario('ch04-confused-deputy');
    const start = s.world.documents['policies/you/inventory-trust.json'] ?? '';
    expect(start).toContain('cw-7f3a91');
    const met = metWith(s, { 'policies/you/inventory-trust.json': start });
    expect(met['for-you-inventory']).toBe(true);
    expect(met['stranger-inventory-fails']).toBe(false);
  });

  it('ch08-temporary-credentials exercise 1: the revocation time must be when the leak was noticed', () => {
    const s = scenario('ch08-temporary-credentials');
    const doc = 'policies/operator-permissions.json';
    expect(s.world.documents[doc]).not.toContain('TokenIssueTime');
    const revokeAt = (time: string) =>
      (s.solution[doc] ?? '').replace('2023-06-01T09:30:00Z', time);
    // Just after the leaked session: the 09:25 session still works.
    expect(metWith(s, { [doc]: revokeAt('2023-06-01T09:05:00Z') })['earlier-session-revoked']).toBe(
      false,
    );
    // After 09:35: alice's fresh session is refused too.
    expect(metWith(s, { [doc]: revokeAt('2023-06-01T09:40:00Z') })['new-session-works']).toBe(
      false,
    );
  });

  it('ch11-identity-center exercise 2: the us-east-1-only ArnLike pattern locks Tokyo out', () => {
    const s = scenario('ch11-identity-center');
    const doc = 'policies/datafix-trust.json';
    const everyRegion = 'sso.amazonaws.com/*AWSReservedSSO_DeveloperAccess_*';
    expect(s.solution[doc]).toContain(everyRegion);
    const usEast1Only = (s.solution[doc] ?? '').replace(
      everyRegion,
      'sso.amazonaws.com/AWSReservedSSO_DeveloperAccess_*',
    );
    const met = metWith(s, { [doc]: usEast1Only });
    expect(met['developer-uses-datafix']).toBe(true);
    expect(met['tokyo-developer-uses-datafix']).toBe(false);
  });

  it('ch10-session-tags exercise 3: the solutions of exercises 1 and 2 alone do not solve it', () => {
    const s = scenario('ch10-session-tags');
    const doc = 'policies/reporting-trust.json';
    const met = metWith(s, { [doc]: s.world.documents[doc] ?? '' });
    expect(met['team-survives-the-chain']).toBe(true);
    expect(met['untraced-chain-refused']).toBe(false);
  });

  it('no hint is shared by two exercises', () => {
    for (const s of loaded.scenarios) {
      const hints = s.exercises.flatMap((e) => e.hints.map((h) => h.en));
      expect(new Set(hints).size, s.id).toBe(hints.length);
    }
  });
});

describe('verdicts', () => {
  const denied = (decision: 'explicitDeny' | 'implicitDeny') =>
    ({ status: 'denied', decision }) as const;

  it('`denied` accepts both kinds of denial and AccessDenied from STS, nothing else', () => {
    expect(meets(denied('explicitDeny'), 'denied')).toBe(true);
    expect(meets(denied('implicitDeny'), 'denied')).toBe(true);
    expect(meets({ status: 'error', code: 'AccessDenied' }, 'denied')).toBe(true);
    expect(meets({ status: 'error', code: 'ExpiredToken' }, 'denied')).toBe(false);
    expect(meets({ status: 'allowed' }, 'denied')).toBe(false);
    expect(meets(denied('explicitDeny'), 'implicitDeny')).toBe(false);
  });

  it('decisionName gives the one-word vocabulary of data-decision', () => {
    expect(decisionName({ status: 'allowed' })).toBe('allowed');
    expect(decisionName(denied('explicitDeny'))).toBe('explicitDeny');
    expect(decisionName({ status: 'error', code: 'NoSuchKey' })).toBe('error:NoSuchKey');
  });

  it('runScenario marks guards and solves exercises only when all their goals are met', () => {
    const s = scenario('ch02-jump-account');
    const start = runScenario(s);
    const bobIntoProd = start.goals.find((g) => g.id === 'bob-into-prod');
    expect(bobIntoProd?.status).toBe('guard-holds');
    expect(start.goals.find((g) => g.id === 'bob-into-dev')?.status).toBe('unmet');
    expect(start.exercises.map((e) => e.solved)).toEqual([false, false]);
    const solved = runScenario(s, s.solution);
    expect(solved.goals.every((g) => g.met)).toBe(true);
    expect(solved.exercises.map((e) => e.solved)).toEqual([true, true]);
    // Breaking a guard shows as such, not as an unmet goal.
    const broken = runScenario(s, {
      'policies/jump/operators.json': policy({
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: 'arn:aws:iam::222222222222:role/Developer',
      }),
    });
    expect(broken.goals.find((g) => g.id === 'bob-into-prod')?.status).toBe('guard-broken');
  });
});

describe('loader problems name the file and the field', () => {
  const base = readTree(join(scenariosDir, 'jump-account'));
  const file = 'content/scenarios/jump-account/scenario.json';
  const scenario = JSON.parse(base[file] ?? '') as Record<string, unknown> & {
    goals: Record<string, unknown>[];
  };

  function problemsWith(
    change: (s: typeof scenario) => unknown,
    extra: Record<string, string> = {},
  ) {
    const copy = structuredClone(scenario);
    change(copy);
    return loadScenarios({ ...base, [file]: JSON.stringify(copy), ...extra }).problems.map((p) =>
      renderProblem(p),
    );
  }

  it('reports schema errors with a field path, in English and Japanese', () => {
    const problems = problemsWith((s) => {
      (s.goals[2] as { expect: unknown }).expect = 'maybe';
    });
    expect(problems).toEqual([`${file}: goals[2].expect: matches none of the allowed shapes`]);
    const ja = loadScenarios({
      ...base,
      [file]: base[file]?.replace('"id": "jump-account"', '"id": "Jump Account"') ?? '',
    }).problems;
    expect(
      renderProblem(ja[0] ?? { file: '', path: '', message: { en: '', ja: '' } }, 'ja'),
    ).toContain(`${file}: id: 形式が正しくありません`);
  });

  it('reports unknown fields, missing documents, unknown groups and callers', () => {
    expect(problemsWith((s) => (s.colour = 'blue'))).toEqual([`${file}: unknown field \`colour\``]);
    const missing = loadScenarios({
      ...base,
      'content/scenarios/jump-account/policies/dev/developer-trust.json':
        undefined as unknown as string,
    });
    expect(missing.problems.map((p) => renderProblem(p))).toContain(
      `${file}: accounts[2].roles[0].trustPolicy: the document \`policies/dev/developer-trust.json\` does not exist in the scenario folder`,
    );
    expect(problemsWith((s) => ((s.goals[0] as { as: string }).as = 'zed'))).toEqual([
      `${file}: goals[0].as: \`zed\` is neither a user nor a role of this world`,
    ]);
  });

  it('reports a folder/id mismatch, invalid JSON and a solution that changes a locked document', () => {
    expect(problemsWith((s) => (s.id = 'other'))).toEqual([
      `${file}: id: the id \`other\` must equal the folder name \`jump-account\``,
    ]);
    expect(loadScenarios({ ...base, [file]: '{' }).problems[0]?.message.en).toMatch(
      /^the file is not valid JSON/,
    );
    const locked = problemsWith(() => undefined, {
      'content/scenarios/jump-account/solution/policies/dev/developer-trust.json': '{}',
    });
    expect(locked).toEqual([
      'content/scenarios/jump-account/solution/policies/dev/developer-trust.json: the solution changes `policies/dev/developer-trust.json`, which is not listed in `editable`',
    ]);
  });

  it('reports ids used twice and goals outside exactly one exercise', () => {
    const twice = problemsWith((s) => {
      (s.goals[1] as { id: string }).id = 'alice-with-mfa';
    });
    expect(twice).toContain(
      `${file}: goals[1].id: the id \`alice-with-mfa\` is already used by another attempt or goal`,
    );
    const exercises = (s: typeof scenario) =>
      s.exercises as {
        id: string;
        goals: string[];
        title: unknown;
        instructions: unknown;
        hints: unknown[];
      }[];
    expect(
      problemsWith((s) => {
        exercises(s)[0]?.goals.pop();
      }),
    ).toEqual([`${file}: goals[5].id: the goal \`session-expires\` belongs to no exercise`]);
    expect(
      problemsWith((s) => {
        const first = exercises(s)[0];
        if (first) exercises(s).push({ ...first, id: 'again', goals: ['alice-with-mfa', 'nope'] });
      }),
    ).toEqual([
      `${file}: exercises[1].goals[0]: the goal \`alice-with-mfa\` already belongs to exercise \`testers\``,
      `${file}: exercises[1].goals[1]: there is no goal \`nope\``,
    ]);
  });

  it('accepts Vite-style keys with a leading slash', () => {
    const vite = Object.fromEntries(Object.entries(base).map(([k, v]) => [`/${k}`, v]));
    expect(loadScenarios(vite).scenarios.map((s) => s.id)).toEqual(['jump-account']);
  });
});

// Each spawn starts Node and loads every scenario; on a busy 2-core machine that takes seconds.
describe('iamlab check', { timeout: 60_000 }, () => {
  it('passes over every scenario in the repo, one line each', () => {
    const out = iamlab(['check']);
    expect(out.status).toBe(0);
    expect(out.stdout.trim().split('\n')).toHaveLength(loaded.scenarios.length);
    expect(out.stdout).toMatch(
      /^ok {3}jump-account: 1 exercise, 6 goals, start fails 1, solution passes all$/m,
    );
  });

  it('proves the playground, which the island owns under src/scenarios', () => {
    const out = iamlab(['check', 'src/scenarios']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(
      /^ok {3}playground: \d+ exercises?, \d+ goals, start fails \d+, solution passes all$/m,
    );
  });

  it('exits 1 when a scenario asks nothing (start already passes) and 2 for an unreadable folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamlab-check-'));
    const target = join(dir, 'jump-account');
    for (const [path, text] of Object.entries(readTree(join(scenariosDir, 'jump-account')))) {
      const rel = path.slice('content/scenarios/jump-account/'.length);
      mkdirSync(dirname(join(target, rel)), { recursive: true });
      writeFileSync(join(target, rel), text);
    }
    // The start state already has the fix: nothing left for the learner to do.
    writeFileSync(
      join(target, 'policies/jump/testers-assume.json'),
      readFileSync(join(target, 'solution/policies/jump/testers-assume.json')),
    );
    const out = iamlab(['check', dir]);
    expect(out.status).toBe(1);
    expect(out.stdout).toBe('FAIL jump-account: the start state already passes every goal\n');
    expect(iamlab(['check', join(dir, 'nope')]).status).toBe(2);
  });

  it('exits 1 when an exercise has only goals that already hold at the start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'iamlab-check-'));
    const target = join(dir, 'jump-account');
    for (const [path, text] of Object.entries(readTree(join(scenariosDir, 'jump-account')))) {
      const rel = path.slice('content/scenarios/jump-account/'.length);
      mkdirSync(dirname(join(target, rel)), { recursive: true });
      writeFileSync(join(target, rel), text);
    }
    const file = join(target, 'scenario.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as {
      exercises: { id: string; goals: string[] }[];
    };
    const [first] = json.exercises;
    if (!first) throw new Error('jump-account has no exercise');
    // A second exercise whose only goal (alice can already switch) holds at the start.
    first.goals = first.goals.filter((g) => g !== 'alice-with-mfa');
    json.exercises.push({ ...first, id: 'nothing-to-do', goals: ['alice-with-mfa'] });
    writeFileSync(file, JSON.stringify(json));
    const out = iamlab(['check', dir, '--lang', 'ja']);
    expect(out.status).toBe(1);
    expect(out.stdout).toBe(
      'FAIL jump-account: 演習 `nothing-to-do` のゴールは開始状態ですべて達成済みです（alice-with-mfa）\n',
    );
  });
});

describe('iamlab assume', { timeout: 60_000 }, () => {
  const roleArn = 'arn:aws:iam::222222222222:role/Developer';

  it('prints what aws sts assume-role prints', () => {
    const out = iamlab([
      'assume',
      '--scenario',
      'jump-account',
      '--as',
      'alice',
      '--role',
      roleArn,
      '--mfa',
    ]);
    expect(out.status).toBe(0);
    const json = JSON.parse(out.stdout) as {
      Credentials: { AccessKeyId: string; Expiration: string };
      AssumedRoleUser: { Arn: string };
    };
    expect(json.Credentials.AccessKeyId).toMatch(/^ASIA/);
    expect(json.Credentials.Expiration).toBe('2023-06-01T10:00:00Z');
    expect(json.AssumedRoleUser.Arn).toBe('arn:aws:sts::222222222222:assumed-role/Developer/alice');
  });

  it('prints AWS’s error line and exits 254, with the trace on --explain (ja)', () => {
    const out = iamlab([
      'assume',
      '--scenario',
      'jump-account',
      '--as',
      'bob',
      '--role',
      roleArn,
      '--mfa',
      '--explain',
      '--lang',
      'ja',
    ]);
    expect(out.status).toBe(254);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(
      'An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111111111111:user/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/Developer',
    );
    expect(out.stderr).toContain('2/8 呼び出し元のアイデンティティベースのポリシー: ここで拒否');
    const solved = iamlab([
      'assume',
      '--scenario',
      'jump-account',
      '--as',
      'bob',
      '--role',
      roleArn,
      '--mfa',
      '--solution',
    ]);
    expect(solved.status).toBe(0);
  });

  it('passes --external-id and --duration through STS validation', () => {
    const args = [
      'assume',
      '--scenario',
      'vendor-external-id',
      '--as',
      'arn:aws:iam::999999999999:role/Scanner',
      '--role',
      'arn:aws:iam::444444444444:role/VendorAudit',
    ];
    expect(iamlab([...args, '--external-id', 'Example-7f3a']).status).toBe(0);
    const long = iamlab([...args, '--external-id', 'Example-7f3a', '--duration', '7200']);
    expect(long.stderr).toContain(
      '(ValidationError) when calling the AssumeRole operation: The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    );
    expect(iamlab(['assume', '--scenario', 'jump-account']).status).toBe(2);
  });
});
