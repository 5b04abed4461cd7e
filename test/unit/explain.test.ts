// The explanation of a call: gates named for the operation, the element and values that
// decided each statement, errors as errors, the counter ending at the decision, the credited
// statement, the deciding statement per document for the editors, and the island's trace
// panel in the same words as the CLI.
import { describe, expect, it } from 'vitest';
import {
  callLines,
  decidingRanges,
  explainCall,
  stepCounter,
  type Lang,
} from '../../sandbox/explain/index.ts';
import { runEvalCases } from '../../sandbox/eval-cases/index.ts';
import { runCall } from '../../sandbox/sts/call.ts';
import type { CallOutcome, StsCall } from '../../sandbox/sts/types.ts';
import type { Caller, Session, World } from '../../sandbox/world/types.ts';
import { escapeHtml, toHtml } from '../../src/dom/tree.ts';
import { resultView, stepperView } from '../../src/island/views/trace.ts';

const doc = (statement: unknown): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statement }, null, 2);

const DEV = '222222222222';
const T0 = Date.UTC(2023, 5, 1, 9);

const world: World = {
  organization: {
    id: 'o-explain00001',
    managementAccount: '100000000000',
    root: {
      name: 'Root',
      accounts: ['100000000000'],
      children: [
        { name: 'Workloads', accounts: [DEV], scps: ['FullAWSAccess', 'scp/allow-s3.json'] },
      ],
    },
  },
  accounts: [
    { id: '100000000000', alias: 'mgmt', purpose: 'management' },
    {
      id: DEV,
      alias: 'dev',
      purpose: 'dev',
      users: [
        { name: 'alice', inlinePolicies: [{ name: 'Assume', document: 'policies/alice.json' }] },
        { name: 'dave' },
      ],
      roles: [
        {
          name: 'Deploy',
          trustPolicy: 'policies/deploy-trust.json',
          inlinePolicies: [{ name: 'Work', document: 'policies/deploy.json' }],
        },
      ],
      buckets: [
        { name: 'reports', policy: 'policies/reports-bucket.json', objects: ['q1.csv'] },
        { name: 'public', policy: 'policies/public-bucket.json', objects: ['index.html'] },
      ],
    },
  ],
  documents: {
    'scp/allow-s3.json': doc([
      { Sid: 'AllowS3AndSts', Effect: 'Allow', Action: ['s3:*', 'sts:*'], Resource: '*' },
    ]),
    'policies/alice.json': doc([
      {
        Sid: 'AssumeDeveloper',
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: `arn:aws:iam::${DEV}:role/Developer`,
      },
    ]),
    'policies/deploy-trust.json': doc([
      {
        Sid: 'DevAccountWithMfa',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${DEV}:root` },
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
    ]),
    'policies/deploy.json': doc([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]),
    'policies/reports-bucket.json': doc([
      {
        Sid: 'DaveReads',
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${DEV}:user/dave` },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::reports/*',
      },
    ]),
    'policies/public-bucket.json': doc([
      {
        Sid: 'AnyoneReads',
        Effect: 'Allow',
        Principal: '*',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::public/*',
      },
    ]),
  },
};

const dave: Caller = { type: 'user', arn: `arn:aws:iam::${DEV}:user/dave` };
const alice: Caller = { type: 'user', arn: `arn:aws:iam::${DEV}:user/alice` };
const call = (
  caller: Caller,
  c: StsCall,
  sessions: readonly Session[] = [],
  now = T0,
): CallOutcome => runCall({ world, now, sessions }, caller, c);
const get = (resource: string): StsCall => ({ op: 'Call', action: 's3:GetObject', resource });

/** Every reason code the engine and STS use; none may reach the learner as such. */
const RAW_CODES =
  /\b(no-allow|trust-does-not-allow|no-trust-policy|no-scps|no-rcps|caller-has-no-account|no-resource-policy|no-boundary|not-a-session|no-session-policy|not-reached|not-needed|not-applicable|explicit-deny|root-user)\b/;

function lines(outcome: CallOutcome, lang: Lang, resource?: string): string[] {
  return callLines(explainCall(outcome, lang, resource), lang);
}

describe('gates named for the operation', () => {
  it('an S3 call has the bucket policy and the service answer, never trust-policy words', () => {
    const out = call(dave, get('arn:aws:s3:::reports/q1.csv'));
    expect(out.ok).toBe(true);
    const e = explainCall(out, 'en', 'arn:aws:s3:::reports/q1.csv');
    expect(e.steps.map((s) => s.label)).toEqual([
      'Request checks',
      "The caller's identity-based policies",
      "SCPs of the caller's account",
      "The bucket's policy",
      "RCPs of the resource's account",
      'Permissions boundary',
      'Session policy',
      "The service's answer",
    ]);
    const text = lines(out, 'en', 'arn:aws:s3:::reports/q1.csv').join('\n');
    expect(text).not.toMatch(/trust policy|Credentials issued|role's side/);
    const ja = lines(out, 'ja', 'arn:aws:s3:::reports/q1.csv').join('\n');
    expect(ja).toContain('バケットポリシー');
    expect(ja).not.toMatch(/信頼ポリシー|認証情報の発行/);
  });

  it('a KMS call names the key policy', () => {
    const key = `arn:aws:kms:us-east-1:${DEV}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
    const out = call(dave, { op: 'Call', action: 'kms:Decrypt', resource: key });
    const labels = explainCall(out, 'ja', key).steps.map((s) => s.label);
    expect(labels).toContain('キーポリシー');
    expect(labels).not.toContain('バケットポリシー');
  });

  it('AssumeRole has the trust policy and the credentials issued; a skipped gate says why', () => {
    const out = call(alice, { op: 'AssumeRole', roleArn: `arn:aws:iam::${DEV}:role/Deploy` });
    const e = explainCall(out, 'en');
    expect(e.steps.map((s) => s.step)).toEqual([
      'requestValidation',
      'callerIdentity',
      'scps',
      'trustPolicy',
      'rcps',
      'boundary',
      'session',
      'issueCredentials',
    ]);
    const boundary = e.steps.find((s) => s.step === 'boundary');
    expect(boundary?.outcome).toBe('skipped');
    expect(boundary?.why).toBe('the caller has no permissions boundary');
    const session = e.steps.find((s) => s.step === 'session');
    expect(session?.outcome).toBe('skipped');
    expect(session?.why).toBe('the caller is not a session created with a session policy');
    const issue = e.steps.find((s) => s.step === 'issueCredentials');
    expect([issue?.outcomeText, issue?.why]).toEqual(['not reached', null]);
  });
});

describe('which element decided, with both values', () => {
  it('shows the listed resource against the request, in en and ja', () => {
    const out = call(alice, { op: 'AssumeRole', roleArn: `arn:aws:iam::${DEV}:role/Deploy` });
    expect(out.ok).toBe(false);
    const en = lines(out, 'en');
    expect(en).toContain(
      `          Resource \`arn:aws:iam::${DEV}:role/Developer\` ≠ request \`arn:aws:iam::${DEV}:role/Deploy\``,
    );
    const ja = lines(out, 'ja');
    expect(ja).toContain(
      `          Resource \`arn:aws:iam::${DEV}:role/Developer\` はリクエストの \`arn:aws:iam::${DEV}:role/Deploy\` と一致しません`,
    );
  });

  it('shows a condition key the request does not carry as absent', () => {
    const out = call(alice, { op: 'AssumeRole', roleArn: `arn:aws:iam::${DEV}:role/Deploy` });
    const en = lines(out, 'en').join('\n');
    expect(en).toContain('`Bool` `aws:MultiFactorAuthPresent` `true` vs request: absent → false');
    const ja = lines(out, 'ja').join('\n');
    expect(ja).toContain(
      '`Bool` `aws:MultiFactorAuthPresent` `true`、リクエストにこのキーはありません → 不成立',
    );
    expect(ja).not.toMatch(/リクエスト\s*リクエスト/);
  });

  it('never prints a raw reason code', () => {
    const outcomes = [
      call(alice, { op: 'AssumeRole', roleArn: `arn:aws:iam::${DEV}:role/Deploy` }),
      call(dave, get('arn:aws:s3:::reports/q1.csv')),
      call(dave, get('arn:aws:s3:::reports/missing.csv')),
      call(alice, get('arn:aws:s3:::reports/q1.csv')),
    ];
    for (const out of outcomes)
      for (const lang of ['en', 'ja'] as const)
        expect(lines(out, lang).join('\n')).not.toMatch(RAW_CODES);
  });
});

describe('errors are errors', () => {
  it('a missing object is NoSuchKey with AWS text, decided at the last step', () => {
    const out = call(dave, get('arn:aws:s3:::reports/missing.csv'));
    const e = explainCall(out, 'en', 'arn:aws:s3:::reports/missing.csv');
    expect(e.verdict).toBe('error:NoSuchKey');
    expect(e.headline).toBe('Error: NoSuchKey');
    expect(e.decidedAt).toBe('serviceResponse');
    expect(stepCounter(e, e.decidedAt, true, 'en')).toBe('Decided at step 8 of 8');
    const html = toHtml(resultView(out, 'en', 'arn:aws:s3:::reports/missing.csv'));
    expect(html).toContain('data-call-verdict="error:NoSuchKey"');
    expect(html).not.toMatch(/Allowed|an Allow it needs is missing/);
    expect(html).toContain('An error occurred (NoSuchKey)');
  });

  it('expired credentials are ExpiredToken, decided at the request checks', () => {
    const assumed = call(alice, {
      op: 'GetSessionToken',
    });
    const session = assumed.newSessions[0];
    expect(session).toBeDefined();
    if (session === undefined) return;
    const later = session.expiresAt + 1;
    const out = call(
      { type: 'session', accessKeyId: session.credentials.accessKeyId },
      get('arn:aws:s3:::reports/q1.csv'),
      [session],
      later,
    );
    const e = explainCall(out, 'en');
    expect(e.verdict).toBe('error:ExpiredToken');
    expect(e.decidedAt).toBe('requestValidation');
    expect(stepCounter(e, e.decidedAt, true, 'en')).toBe('Decided at step 1 of 8');
    expect(toHtml(resultView(out, 'en'))).not.toContain('an Allow it needs is missing');
  });

  it('an allowed run ends at its last step, not before', () => {
    const out = call(dave, get('arn:aws:s3:::reports/q1.csv'));
    const e = explainCall(out, 'en');
    expect(stepCounter(e, null, true, 'en')).toBe('Decided at step 8 of 8');
    expect(stepCounter(e, 'scps', false, 'ja')).toBe('ステップ 3/8');
  });
});

describe('the credited statement', () => {
  it('with an SCP Allow present, credits the bucket statement that names the caller', () => {
    const out = call(dave, get('arn:aws:s3:::reports/q1.csv'));
    const summary = out.trace.authz?.summary;
    expect(summary?.en).toMatch(/^allowed by statement `DaveReads` of `bucket:reports`/);
    expect(summary?.ja).toContain('`bucket:reports` のステートメント `DaveReads`');
    expect(summary?.en).not.toContain('AllowS3AndSts');
  });

  it('across accounts, credits the caller’s statement and the resource’s', () => {
    const [result] = runEvalCases(
      [
        {
          id: 'x',
          request: {
            principal: 'arn:aws:iam::111111111111:user/alice',
            action: 'sts:AssumeRole',
            resource: `arn:aws:iam::${DEV}:role/Deploy`,
            context: {},
          },
          identityPolicies: [
            {
              name: 'alice-assume',
              policy: {
                Version: '2012-10-17',
                Statement: [
                  { Sid: 'AssumeDeploy', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
                ],
              },
            },
          ],
          resourcePolicy: {
            name: 'deploy-trust',
            policy: {
              Version: '2012-10-17',
              Statement: [
                {
                  Sid: 'TrustJump',
                  Effect: 'Allow',
                  Principal: { AWS: '111111111111' },
                  Action: 'sts:AssumeRole',
                },
              ],
            },
          },
          scps: [['FullAWSAccess']],
        },
      ],
      { explain: true, lang: 'ja' },
    );
    expect(result?.explain?.at(-1)).toBe(
      '判定: 呼び出し元アカウントでは `alice-assume` のステートメント `AssumeDeploy`、リソース側アカウントでは `deploy-trust` のステートメント `TrustJump` が許可しているため許可されます',
    );
  });

  it('with Principal "*", does not say the policy names the caller', () => {
    const out = call(dave, get('arn:aws:s3:::public/index.html'));
    const summary = out.trace.authz?.summary;
    expect(summary?.en).toContain('allows any principal');
    expect(summary?.en).not.toMatch(/names/);
    expect(summary?.ja).toContain('すべてのプリンシパルを許可');
  });
});

describe('the deciding statement per document', () => {
  it('keys the bucket statement by its document id, for any editor to highlight', () => {
    const out = call(dave, get('arn:aws:s3:::reports/q1.csv'));
    const ranges = decidingRanges(out.trace);
    // AWS's default SCP and RCP are credited too, under their own names; no editor holds them.
    expect([...ranges.keys()].filter((id) => id in world.documents).sort()).toEqual([
      'policies/reports-bucket.json',
      'scp/allow-s3.json',
    ]);
    expect(ranges.has('FullAWSAccess')).toBe(true);
    const range = ranges.get('policies/reports-bucket.json');
    const text = world.documents['policies/reports-bucket.json'] ?? '';
    expect(text.slice(range?.start, range?.end)).toContain('"Sid": "DaveReads"');
  });

  it('while stepping, only the active step’s gates', () => {
    const out = call(dave, get('arn:aws:s3:::reports/q1.csv'));
    expect([...decidingRanges(out.trace, 'scps').keys()]).toEqual([
      'FullAWSAccess',
      'scp/allow-s3.json',
    ]);
    expect([...decidingRanges(out.trace, 'callerIdentity').keys()]).toEqual([]);
  });
});

describe('the trace panel and the CLI say the same', () => {
  it('every step line of the CLI appears in the panel, en and ja', () => {
    const out = call(alice, { op: 'AssumeRole', roleArn: `arn:aws:iam::${DEV}:role/Deploy` });
    for (const lang of ['en', 'ja'] as const) {
      const e = explainCall(out, lang);
      const html = toHtml(stepperView(out, null, true, lang));
      for (const s of e.steps) {
        expect(html).toContain(escapeHtml(s.label));
        expect(html).toContain(escapeHtml(s.outcomeText));
      }
      const detail = e.steps
        .flatMap((s) => s.gates)
        .flatMap((g) => g.policies)
        .flatMap((p) => p.statements)
        .flatMap((s) => s.details);
      expect(detail.length).toBeGreaterThan(0);
      // Backticks become <code>; compare the words around them.
      for (const d of detail)
        for (const word of d.split('`').filter((_, i) => i % 2 === 1)) expect(html).toContain(word);
    }
  });
});
