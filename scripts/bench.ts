// `npm run bench`: median times of the engine's hot paths on this machine (a benchmark, not
// a test). Targets from issue 3: a cross-account AssumeRole decision ≤ 20 µs with policies
// already parsed; parse + validate + evaluate of maximum-size policies ≤ 2 ms; no
// pathological wildcard over 5 ms.
import { authorize } from '../sandbox/engine/authorize.ts';
import type { AuthzInput, AuthzResult } from '../sandbox/engine/types.ts';
import { compileGlob, matchGlob } from '../sandbox/policy/wildcard.ts';
import { parsePolicy } from '../sandbox/policy/parse.ts';
import { policySize } from '../sandbox/policy/size.ts';

interface Row {
  readonly name: string;
  readonly median: number;
  readonly target?: number;
}

/** Median time of one call in ms, over `samples` batches after a warm-up. */
function measure(run: () => unknown, batch: number, samples = 25): number {
  for (let i = 0; i < batch * 5; i++) run();
  const times: number[] = [];
  for (let s = 0; s < samples; s++) {
    const start = performance.now();
    for (let i = 0; i < batch; i++) run();
    times.push((performance.now() - start) / batch);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const A = '111111111111';
const B = '222222222222';

const identity = parsePolicy(
  {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'List',
        Effect: 'Allow',
        Action: ['s3:ListAllMyBuckets', 's3:GetBucketLocation'],
        Resource: 'arn:aws:s3:::*',
      },
      {
        Sid: 'Own',
        Effect: 'Allow',
        Action: 's3:*',
        Resource: ['arn:aws:s3:::${aws:username}', 'arn:aws:s3:::${aws:username}/*'],
      },
      { Sid: 'NoLogs', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::*log*' },
    ],
  },
  { kind: 'identity', name: 'user-policy' },
);

const sameAccount: AuthzInput = {
  request: {
    principal: `arn:aws:iam::${A}:user/carlossalazar`,
    action: 's3:PutObject',
    resource: 'arn:aws:s3:::carlossalazar/report.csv',
    resourceAccount: A,
    context: { 'aws:username': 'carlossalazar' },
  },
  identityPolicies: [identity],
  resourcePolicy: null,
  scps: [],
  rcps: [],
  permissionBoundary: null,
  sessionPolicy: null,
};

const scp = (name: string, statements: object[]) =>
  parsePolicy({ Version: '2012-10-17', Statement: statements }, { kind: 'scp', name });
const fullAccess = scp('FullAWSAccess', [{ Effect: 'Allow', Action: '*', Resource: '*' }]);
const crossAccount: AuthzInput = {
  request: {
    principal: `arn:aws:iam::${A}:user/hanako`,
    action: 'sts:AssumeRole',
    resource: `arn:aws:iam::${B}:role/Deploy`,
    context: {
      'aws:MultiFactorAuthPresent': 'true',
      'aws:MultiFactorAuthAge': '300',
      'aws:SourceIp': '203.0.113.20',
      'sts:ExternalId': 'tenant-8c1e2d',
      'aws:PrincipalTag/team': 'deploy',
    },
  },
  identityPolicies: [
    parsePolicy(
      {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::*:role/*' },
        ],
      },
      { kind: 'identity', name: 'group:deployers' },
    ),
  ],
  resourcePolicy: parsePolicy(
    {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${A}:root` },
          Action: 'sts:AssumeRole',
          Condition: {
            Bool: { 'aws:MultiFactorAuthPresent': 'true' },
            NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' },
            IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] },
            StringEquals: { 'sts:ExternalId': 'tenant-8c1e2d', 'aws:PrincipalTag/team': 'deploy' },
          },
        },
      ],
    },
    { kind: 'trust', name: 'trust' },
  ),
  scps: [
    [fullAccess],
    [
      fullAccess,
      scp('deny-regions', [
        {
          Effect: 'Deny',
          Action: '*',
          Resource: '*',
          Condition: {
            StringNotEquals: { 'aws:RequestedRegion': ['ap-northeast-1', 'us-east-1'] },
          },
        },
      ]),
    ],
    [scp('account-allow', [{ Effect: 'Allow', Action: ['sts:*', 's3:*'], Resource: '*' }])],
  ],
  rcps: [],
  permissionBoundary: parsePolicy(
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole', 's3:*'], Resource: '*' }],
    },
    { kind: 'boundary', name: 'boundary' },
  ),
  sessionPolicy: null,
};

/** A policy text of statements added until the next one would pass `limit` (as AWS counts). */
function maxSizeText(
  limit: number,
  statement: (i: number) => object,
  wrap = (s: object[]) => ({ Version: '2012-10-17', Statement: s }),
): string {
  const statements: object[] = [];
  let text = JSON.stringify(wrap(statements), null, 2);
  for (let i = 0; ; i++) {
    const next = [...statements, statement(i)];
    const candidate = JSON.stringify(wrap(next), null, 2);
    if (policySize(candidate) > limit) return text;
    statements.push(statement(i));
    text = candidate;
  }
}

const identityText = maxSizeText(6_144, (i) => ({
  Sid: `S${i}`,
  Effect: i % 5 === 4 ? 'Deny' : 'Allow',
  Action: [`s3:Get*`, `ec2:Describe${i}*`],
  Resource: `arn:aws:s3:::bucket-${i}/\${aws:username}/*`,
  Condition: { StringLike: { 'aws:PrincipalTag/team': [`team-${i}-*`] } },
}));
const trustText = maxSizeText(2_048, (i) => ({
  Effect: 'Allow',
  Principal: { AWS: `arn:aws:iam::${A}:root` },
  Action: 'sts:AssumeRole',
  Condition: {
    StringEquals: { 'sts:ExternalId': `tenant-${i}` },
    Bool: { 'aws:MultiFactorAuthPresent': 'true' },
  },
}));
const scpText = maxSizeText(5_120, (i) => ({
  Effect: 'Deny',
  Action: [`iam:Create${i}*`, `organizations:Leave${i}`],
  Resource: '*',
  Condition: { StringNotLike: { 'aws:PrincipalArn': [`arn:aws:iam::*:role/Admin${i}`] } },
}));
const sessionText = maxSizeText(2_048, (i) => ({
  Effect: 'Allow',
  Action: [`sts:AssumeRole`, `s3:Get${i}*`],
  Resource: '*',
}));

function parseAll() {
  return {
    identity: parsePolicy(identityText, { kind: 'identity', name: 'managed', sizeLimit: 6_144 }),
    trust: parsePolicy(trustText, { kind: 'trust', name: 'trust' }),
    scp: parsePolicy(scpText, { kind: 'scp', name: 'scp' }),
    session: parsePolicy(sessionText, { kind: 'session', name: 'session' }),
  };
}

function evaluateMax(p: ReturnType<typeof parseAll>): AuthzResult {
  return authorize({
    ...crossAccount,
    identityPolicies: [p.identity, ...crossAccount.identityPolicies],
    resourcePolicy: p.trust,
    scps: [[fullAccess], [fullAccess, p.scp]],
    sessionPolicy: p.session,
    request: {
      ...crossAccount.request,
      principal: `arn:aws:sts::${A}:assumed-role/Jump/hanako`,
      context: { ...crossAccount.request.context, 'sts:ExternalId': 'tenant-3' },
    },
  });
}

const preParsed = parseAll();
const maxDecision = evaluateMax(preParsed).decision;
function fullRun(): unknown {
  return evaluateMax(parseAll());
}

// Adversarial: every character matches until the last, in a region twice the piece's length.
const flat = (s: string): string => JSON.parse(JSON.stringify(s)) as string;
const text10k = flat('a'.repeat(10_000));
const arn2k = flat('a'.repeat(2_048));
const worst = [
  {
    name: 'wildcard: 10,000-char `?` piece vs 10,000 chars',
    glob: compileGlob(`*${'a?'.repeat(2_500)}b*`),
    text: text10k,
  },
  {
    name: 'wildcard: 10,000-char `a…a?` piece vs 10,000 chars',
    glob: compileGlob(`*${`${'a'.repeat(30)}?`.repeat(320)}b*`),
    text: text10k,
  },
  {
    name: 'wildcard: 1,000-char `?` piece vs 2,048 chars (max ARN)',
    glob: compileGlob(`*${'a?'.repeat(500)}b*`),
    text: arn2k,
  },
  {
    name: 'wildcard: 5,000 `*a` pieces vs 10,000 chars',
    glob: compileGlob(`${'*a'.repeat(5_000)}b`),
    text: text10k,
  },
  {
    name: 'wildcard: 10,000-char literal piece vs 10,000 chars',
    glob: compileGlob(`*${'a'.repeat(5_000)}b*`),
    text: text10k,
  },
];

const rows: Row[] = [
  {
    name: 'same-account identity decision (pre-parsed)',
    median: measure(() => authorize(sameAccount), 2_000),
  },
  {
    name: 'cross-account AssumeRole, 3 SCP levels, boundary, trust conditions (pre-parsed)',
    median: measure(() => authorize(crossAccount), 2_000),
    target: 0.02,
  },
  {
    name: `parse + validate + evaluate at max sizes (${policySize(identityText)} + ${policySize(trustText)} + ${policySize(scpText)} + ${policySize(sessionText)} chars)`,
    median: measure(fullRun, 20),
    target: 2,
  },
  { name: '  of which parse + validate (sandbox/policy)', median: measure(parseAll, 20) },
  {
    name: '  of which evaluate (pre-parsed, max sizes)',
    median: measure(() => evaluateMax(preParsed), 200),
  },
  ...worst.map((w) => ({
    name: w.name,
    median: measure(() => matchGlob(w.glob, w.text), 3, 15),
    target: 5,
  })),
];

const format = (ms: number): string =>
  ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`;
const nameWidth = Math.max(...rows.map((r) => r.name.length));
console.log(
  `Node ${process.version}, median of batches after warm-up (max-size case decides ${maxDecision})\n`,
);
console.log(`| ${'case'.padEnd(nameWidth)} | median     | target   |`);
console.log(`| ${'-'.repeat(nameWidth)} | ---------- | -------- |`);
for (const row of rows) {
  const target =
    row.target === undefined ? '' : `${row.median <= row.target ? '✓' : '✗'} ${format(row.target)}`;
  console.log(
    `| ${row.name.padEnd(nameWidth)} | ${format(row.median).padEnd(10)} | ${target.padEnd(8)} |`,
  );
}
