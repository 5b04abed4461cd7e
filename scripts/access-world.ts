// A generated organisation for the access-map bench (issue 12): 100 accounts, 1,000 roles,
// 200 buckets. An identity account whose groups reach roles in every account (some with
// MFA), a security account whose auditors read every bucket, 98 workload accounts with ten
// roles each (chains, an ExternalId for a vendor outside the world, a GitHub pipeline), SCPs
// on the workloads OU and an RCP. Deterministic: the same world on every run.
import { diffAccessMaps } from '../sandbox/access/diff.ts';
import { computeAccessMap } from '../sandbox/access/map.ts';
import { createAccessCache } from '../sandbox/access/model.ts';
import { loadScenarios } from '../sandbox/scenario/load.ts';
import type { Scenario } from '../sandbox/scenario/types.ts';
import type { Account, Role, World } from '../sandbox/world/types.ts';
import { readJsonTree } from '../bin/commands/scenario-files.ts';

const doc = (...statements: unknown[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);

export const IDENTITY = '100000000001';
const SECURITY = '100000000002';
const VENDOR = '999988887777';
const WORKLOADS = 98;

const workloadId = (i: number): string => String(200000000000 + i);
const roleArn = (account: string, name: string): string => `arn:aws:iam::${account}:role/${name}`;

function trust(principal: unknown, condition?: unknown, action = 'sts:AssumeRole'): string {
  return doc({
    Effect: 'Allow',
    Principal: principal,
    Action: action,
    ...(condition === undefined ? {} : { Condition: condition }),
  });
}

const MFA = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };

export function generateWorld(): World {
  const documents: Record<string, string> = {};
  const put = (id: string, text: string): string => {
    documents[id] = text;
    return id;
  };
  const role = (account: string, name: string, trustText: string, permissions: string): Role => ({
    name,
    trustPolicy: put(`${account}/${name}-trust.json`, trustText),
    inlinePolicies: [
      { name: 'permissions', document: put(`${account}/${name}.json`, permissions) },
    ],
  });
  const accounts: Account[] = [];

  const groups = ['Developers', 'Operators', 'Auditors', 'Admins'];
  const groupRoles: Record<string, string[]> = {
    Developers: ['Developer'],
    Operators: ['Developer', 'Deploy'],
    Auditors: ['Audit'],
    Admins: ['Admin', 'Deploy'],
  };
  accounts.push({
    id: IDENTITY,
    alias: 'identity',
    purpose: 'identity',
    groups: groups.map((g) => ({
      name: g,
      inlinePolicies: [
        {
          name: 'assume',
          document: put(
            `identity/${g}.json`,
            doc({
              Effect: 'Allow',
              Action: 'sts:AssumeRole',
              Resource: (groupRoles[g] ?? []).map((r) => `arn:aws:iam::*:role/${r}`),
            }),
          ),
        },
      ],
    })),
    users: Array.from({ length: 20 }, (_, i) => ({
      name: `user${i}`,
      groups: [groups[i % groups.length] ?? 'Developers'],
      ...(i % 2 === 0
        ? { mfaDevice: { serialNumber: `arn:aws:iam::${IDENTITY}:mfa/user${i}` } }
        : {}),
    })),
    roles: Array.from({ length: 10 }, (_, i) =>
      role(
        IDENTITY,
        `Tooling${i}`,
        trust({ AWS: IDENTITY }),
        doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }),
      ),
    ),
    buckets: [{ name: 'identity-logs', objects: ['log.json'] }, { name: 'identity-config' }],
  });
  accounts.push({
    id: SECURITY,
    alias: 'security',
    purpose: 'security',
    roles: Array.from({ length: 10 }, (_, i) =>
      role(
        SECURITY,
        i === 0 ? 'Auditor' : `Forensics${i}`,
        trust({ AWS: IDENTITY }, MFA),
        doc({
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:ListBucket', 'sts:AssumeRole'],
          Resource: '*',
        }),
      ),
    ),
    buckets: [{ name: 'security-findings', objects: ['f.json'] }, { name: 'security-archive' }],
  });
  for (let i = 0; i < WORKLOADS; i++) {
    const id = workloadId(i);
    const data = `w${i}-data`;
    const site = `w${i}-site`;
    const own = (actions: string[]): string =>
      doc({
        Effect: 'Allow',
        Action: actions,
        Resource: [`arn:aws:s3:::${data}`, `arn:aws:s3:::${data}/*`, `arn:aws:s3:::${site}/*`],
      });
    accounts.push({
      id,
      alias: `workload-${i}`,
      purpose: i % 3 === 0 ? 'prod' : 'dev',
      oidcProviders: [
        { url: 'token.actions.githubusercontent.com', clientIds: ['sts.amazonaws.com'] },
      ],
      roles: [
        role(
          id,
          'Developer',
          trust({ AWS: IDENTITY }),
          own(['s3:GetObject', 's3:ListBucket', 'sts:AssumeRole']),
        ),
        role(id, 'Deploy', trust({ AWS: IDENTITY }, MFA), own(['s3:*'])),
        role(id, 'Audit', trust({ AWS: IDENTITY }), own(['s3:GetObject', 's3:ListBucket'])),
        role(
          id,
          'Admin',
          trust({ AWS: IDENTITY }, MFA),
          doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
        ),
        role(id, 'ReadOnly', trust({ AWS: roleArn(id, 'Developer') }), own(['s3:GetObject'])),
        role(
          id,
          'VendorAccess',
          trust({ AWS: VENDOR }, { StringEquals: { 'sts:ExternalId': `vendor-${i}-7f3a` } }),
          own(['s3:GetObject']),
        ),
        role(
          id,
          'Pipeline',
          trust(
            { Federated: `arn:aws:iam::${id}:oidc-provider/token.actions.githubusercontent.com` },
            {
              StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
              StringLike: {
                'token.actions.githubusercontent.com:sub': `repo:example/app-${i}:ref:refs/heads/main`,
              },
            },
            'sts:AssumeRoleWithWebIdentity',
          ),
          own(['s3:PutObject']),
        ),
        role(id, 'DataLoader', trust({ AWS: id }), own(['s3:*'])),
        role(
          id,
          'Breakglass',
          trust({ AWS: `arn:aws:iam::${IDENTITY}:user/user0` }, MFA),
          doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
        ),
        role(
          id,
          'App',
          trust({ Service: 'ec2.amazonaws.com' }),
          own(['s3:GetObject', 's3:PutObject']),
        ),
      ],
      buckets: [
        {
          name: data,
          objects: ['data.csv'],
          policy: put(
            `${id}/${data}-policy.json`,
            doc({
              Effect: 'Allow',
              Principal: { AWS: roleArn(SECURITY, 'Auditor') },
              Action: ['s3:GetObject', 's3:ListBucket'],
              Resource: [`arn:aws:s3:::${data}`, `arn:aws:s3:::${data}/*`],
            }),
          ),
        },
        { name: site, objects: ['index.html'] },
      ],
      scps: ['FullAWSAccess', 'scp/account-guard.json'],
    });
  }
  put(
    'scp/workloads.json',
    doc({
      Effect: 'Deny',
      Action: 's3:DeleteObject',
      Resource: '*',
      Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    }),
  );
  put('scp/account-guard.json', doc({ Effect: 'Deny', Action: 'iam:CreateUser', Resource: '*' }));
  put(
    'rcp/org-only.json',
    doc({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: '*',
      Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-generated01' } },
    }),
  );
  return {
    organization: {
      id: 'o-generated01',
      managementAccount: '100000000000',
      root: {
        name: 'Root',
        accounts: ['100000000000'],
        children: [
          { name: 'Identity', accounts: [IDENTITY, SECURITY] },
          {
            name: 'Workloads',
            scps: ['FullAWSAccess', 'scp/workloads.json'],
            rcps: ['RCPFullAWSAccess', 'rcp/org-only.json'],
            accounts: Array.from({ length: WORKLOADS }, (_, i) => workloadId(i)),
          },
        ],
      },
    },
    accounts,
    documents,
  };
}

/** The trust policy the bench edits back and forth: one Deploy role, with and without MFA. */
export const EDITED_TRUST = `${workloadId(7)}/Deploy-trust.json`;
export const EDITED_TRUST_TEXTS: readonly [string, string] = [
  trust({ AWS: IDENTITY }, MFA),
  trust({ AWS: [IDENTITY, VENDOR] }),
];

/**
 * Bench cases for issue 12: recompute the access map and its diff after an edit, with the
 * cache the island's worker keeps. Each call flips one trust policy between two texts.
 */
export function accessBenchCases(chapter: {
  readonly id: string;
  readonly world: World;
  readonly clockStart: number;
  readonly solution: Readonly<Record<string, string>>;
}): { readonly name: string; readonly run: () => unknown; readonly target: number }[] {
  const edit = (
    world: World,
    doc: string,
    texts: readonly [string, string],
    now: number,
  ): (() => unknown) => {
    const cache = createAccessCache();
    let previous = computeAccessMap(world, { now }, cache);
    let flip = 0;
    return () => {
      flip ^= 1;
      const edited = { ...world, documents: { ...world.documents, [doc]: texts[flip] ?? '' } };
      const next = computeAccessMap(edited, { now }, cache);
      const changes = diffAccessMaps(previous, next, world.accounts);
      previous = next;
      return changes;
    };
  };
  // The chapter's own exercise edit: a document its solution replaces, start ↔ solution.
  const [doc, solved] = Object.entries(chapter.solution).find(([id]) => id.includes('trust')) ??
    Object.entries(chapter.solution)[0] ?? ['', ''];
  const generated = generateWorld();
  return [
    {
      name: `access map + diff after an edit, ${chapter.id} (${chapter.world.accounts.length} accounts, ${Object.keys(chapter.world.documents).length} documents)`,
      run: edit(
        chapter.world,
        doc,
        [chapter.world.documents[doc] ?? '', solved],
        chapter.clockStart,
      ),
      target: 16,
    },
    {
      name: 'access map + diff after an edit, generated world (100 accounts, 1,000 roles, 200 buckets)',
      run: edit(generated, EDITED_TRUST, EDITED_TRUST_TEXTS, 0),
      target: 200,
    },
  ];
}

/** A scenario of the course by id, as the CLI loads it. */
export function loadChapter(id: string): Scenario {
  const { scenarios } = loadScenarios(readJsonTree('content/scenarios'));
  const scenario = scenarios.find((s) => s.id === id);
  if (scenario === undefined) throw new Error(`no scenario ${id}`);
  return scenario;
}
