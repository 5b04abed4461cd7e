// The access map on small worlds whose answers are known by hand.
import { describe, expect, it } from 'vitest';
import type { Account, OrganizationalUnit, World } from '../world/types.ts';
import { diffAccessMaps } from './diff.ts';
import { computeAccessMap } from './map.ts';
import { createAccessCache } from './model.ts';
import { findPaths } from './paths.ts';
import type { AccessMap, Reach, Requirement } from './types.ts';

const NOW = Date.UTC(2023, 5, 1, 9, 0, 0);
const JUMP = '111111111111';
const PROD = '222222222222';
const VENDOR = '444455556666';

const doc = (...statements: unknown[]): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2);
const allowAssume = doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' });
const trust = (principal: unknown, condition?: unknown): string =>
  doc({
    Effect: 'Allow',
    Principal: principal,
    Action: 'sts:AssumeRole',
    ...(condition === undefined ? {} : { Condition: condition }),
  });

interface Options {
  readonly documents: Record<string, string>;
  readonly prod?: Partial<Account>;
  readonly jump?: Partial<Account>;
  readonly extra?: readonly Account[];
  readonly ous?: readonly OrganizationalUnit[];
}

/** A jump account (alice with an MFA device, bob without) and a prod account with roles. */
function world(o: Options): World {
  return {
    organization:
      o.ous === undefined
        ? null
        : {
            id: 'o-exampleorg1',
            managementAccount: '100000000000',
            root: { name: 'Root', accounts: ['100000000000'], children: o.ous },
          },
    accounts: [
      {
        id: JUMP,
        alias: 'jump',
        purpose: 'identity',
        users: [
          {
            name: 'alice',
            inlinePolicies: [{ name: 'assume', document: 'alice.json' }],
            mfaDevice: { serialNumber: `arn:aws:iam::${JUMP}:mfa/alice` },
          },
          { name: 'bob', inlinePolicies: [{ name: 'assume', document: 'bob.json' }] },
        ],
        ...o.jump,
      },
      { id: PROD, alias: 'prod', purpose: 'prod', ...o.prod },
      ...(o.extra ?? []),
    ],
    documents: { 'alice.json': allowAssume, 'bob.json': allowAssume, ...o.documents },
  };
}

const roleArn = (name: string, account = PROD): string => `arn:aws:iam::${account}:role/${name}`;

function reach(map: AccessMap, subjectId: string, target: string): Reach | undefined {
  const sa = map.subjects.find((s) => s.subject.id === subjectId);
  return [...(sa?.roles ?? []), ...(sa?.buckets ?? [])].find((r) =>
    r.target.kind === 'role'
      ? r.target.arn === target
      : `${r.target.bucket}:${r.target.action}` === target,
  );
}

const user = (name: string): string => `user:arn:aws:iam::${JUMP}:user/${name}`;
const kinds = (reqs: readonly Requirement[]): string[] =>
  reqs.map((r) => `${r.kind}=${JSON.stringify(r.value)}`);

describe('access map: reach', () => {
  const prodRoles: Partial<Account> = {
    roles: [
      {
        name: 'Developer',
        trustPolicy: 'developer-trust.json',
        inlinePolicies: [{ name: 'chain', document: 'developer.json' }],
      },
      {
        name: 'Deploy',
        trustPolicy: 'deploy-trust.json',
        inlinePolicies: [{ name: 'data', document: 'deploy.json' }],
      },
    ],
    buckets: [{ name: 'prod-site', objects: ['index.html'] }],
  };
  const base = {
    'developer-trust.json': trust({ AWS: JUMP }),
    'developer.json': allowAssume,
    'deploy-trust.json': trust({ AWS: roleArn('Developer') }),
    'deploy.json': doc({
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: 'arn:aws:s3:::prod-site/*',
    }),
  };

  it('finds a direct hop and a chain, and the bucket actions at the end of the chain', () => {
    const map = computeAccessMap(world({ documents: base, prod: prodRoles }), { now: NOW });
    const dev = reach(map, user('alice'), roleArn('Developer'));
    expect(dev?.routes.map((r) => r.hops.length)).toEqual([1]);
    expect(dev?.routes[0]?.requirements).toEqual([]);
    const deploy = reach(map, user('alice'), roleArn('Deploy'));
    expect(deploy?.routes[0]?.hops.map((h) => (h.to.kind === 'role' ? h.to.name : ''))).toEqual([
      'Developer',
      'Deploy',
    ]);
    expect(reach(map, user('alice'), 'prod-site:read')?.routes[0]?.hops).toHaveLength(3);
    expect(reach(map, user('alice'), 'prod-site:write')).toBeDefined();
    expect(reach(map, user('alice'), 'prod-site:delete')).toBeUndefined();
    // Deploy trusts only Developer: the jump account's users cannot go there directly.
    expect(
      map.hops.some(
        (h) => h.from === user('alice') && h.to.kind === 'role' && h.to.name === 'Deploy',
      ),
    ).toBe(false);
  });

  it('needs MFA where the trust policy asks for it, and never for a user without a device', () => {
    const documents = {
      ...base,
      'developer-trust.json': trust(
        { AWS: JUMP },
        { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      ),
    };
    const map = computeAccessMap(world({ documents, prod: prodRoles }), { now: NOW });
    expect(
      kinds(reach(map, user('alice'), roleArn('Developer'))?.routes[0]?.requirements ?? []),
    ).toEqual(['mfa="true"']);
    // The chain carries the first hop's requirement to every later target.
    expect(
      kinds(reach(map, user('alice'), 'prod-site:read')?.routes[0]?.requirements ?? []),
    ).toEqual(['mfa="true"']);
    expect(reach(map, user('bob'), roleArn('Developer'))).toBeUndefined();
    const blocked = map.blocked.find(
      (b) => b.from === user('bob') && b.to.kind === 'role' && b.to.name === 'Developer',
    );
    expect(blocked?.gate).toBe('resource');
  });

  it('needs the ExternalId the trust names for an outside account, and only that one', () => {
    const documents = {
      'vendor-trust.json': trust(
        { AWS: `arn:aws:iam::${VENDOR}:root` },
        { StringEquals: { 'sts:ExternalId': 'Example-7f3a' } },
      ),
    };
    const map = computeAccessMap(
      world({ documents, prod: { roles: [{ name: 'Audit', trustPolicy: 'vendor-trust.json' }] } }),
      { now: NOW },
    );
    const vendor = `external:arn:aws:iam::${VENDOR}:root`;
    const r = reach(map, vendor, roleArn('Audit'));
    expect(r?.routes).toHaveLength(1);
    expect(r?.routes[0]?.requirements).toEqual([
      {
        kind: 'external-id',
        key: 'sts:ExternalId',
        value: 'Example-7f3a',
        how: 'match',
        policyValue: 'Example-7f3a',
      },
    ]);
    expect(reach(map, user('alice'), roleArn('Audit'))).toBeUndefined();
  });

  it('reports "anyone" through a wildcard trust, and no one else through a named one', () => {
    const documents = {
      'open-trust.json': trust({ AWS: '*' }),
      'named-trust.json': trust({ AWS: `arn:aws:iam::${JUMP}:user/alice` }),
    };
    const map = computeAccessMap(
      world({
        documents,
        prod: {
          roles: [
            { name: 'Open', trustPolicy: 'open-trust.json' },
            { name: 'Named', trustPolicy: 'named-trust.json' },
          ],
        },
      }),
      { now: NOW },
    );
    expect(reach(map, 'anyone', roleArn('Open'))?.routes[0]?.requirements).toEqual([]);
    expect(reach(map, 'anyone', roleArn('Named'))).toBeUndefined();
    expect(reach(map, user('alice'), roleArn('Named'))).toBeDefined();
    expect(reach(map, user('bob'), roleArn('Named'))).toBeUndefined();
  });

  it('closes a path with an SCP on the caller side and an RCP on the resource side', () => {
    const documents = {
      ...base,
      'deny-assume-scp.json': doc({
        Effect: 'Deny',
        Action: 'sts:AssumeRole',
        Resource: roleArn('Developer'),
      }),
      'org-only-rcp.json': doc({
        Effect: 'Deny',
        Principal: '*',
        Action: 'sts:*',
        Resource: '*',
        Condition: { StringNotEqualsIfExists: { 'aws:PrincipalOrgID': 'o-exampleorg1' } },
      }),
      'vendor-trust.json': trust({ AWS: VENDOR }),
    };
    const prod: Partial<Account> = {
      ...prodRoles,
      roles: [...(prodRoles.roles ?? []), { name: 'Vendor', trustPolicy: 'vendor-trust.json' }],
      rcps: ['RCPFullAWSAccess', 'org-only-rcp.json'],
    };
    const open = computeAccessMap(
      world({ documents, prod, ous: [{ name: 'All', accounts: [JUMP] }] }),
      { now: NOW },
    );
    expect(reach(open, user('alice'), roleArn('Developer'))).toBeDefined();
    const closed = computeAccessMap(
      world({
        documents,
        prod,
        jump: { scps: ['FullAWSAccess', 'deny-assume-scp.json'] },
        ous: [{ name: 'All', accounts: [JUMP, PROD] }],
      }),
      { now: NOW },
    );
    expect(reach(closed, user('alice'), roleArn('Developer'))).toBeUndefined();
    expect(
      closed.blocked.find(
        (b) => b.from === user('alice') && b.to.kind === 'role' && b.to.name === 'Developer',
      )?.gate,
    ).toBe('scp');
    const vendor = `external:arn:aws:iam::${VENDOR}:root`;
    expect(reach(closed, vendor, roleArn('Vendor'))).toBeUndefined();
    expect(closed.blocked.find((b) => b.from === vendor)?.gate).toBe('rcp');
  });

  it('lets federated identities in with the claims the trust policy checks', () => {
    const documents = {
      'saml-trust.json': doc({
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${PROD}:saml-provider/Corp` },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: {
          StringEquals: {
            'SAML:aud': 'https://signin.aws.amazon.com/saml',
            'saml:edupersonaffiliation': 'staff',
          },
        },
      }),
      'gh-trust.json': doc({
        Effect: 'Allow',
        Principal: {
          Federated: `arn:aws:iam::${PROD}:oidc-provider/token.actions.githubusercontent.com`,
        },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: {
            'token.actions.githubusercontent.com:sub': 'repo:example/site:ref:refs/heads/*',
          },
        },
      }),
    };
    const map = computeAccessMap(
      world({
        documents,
        prod: {
          samlProviders: [{ name: 'Corp', issuer: 'https://idp.example.com/saml' }],
          oidcProviders: [
            { url: 'token.actions.githubusercontent.com', clientIds: ['sts.amazonaws.com'] },
          ],
          roles: [
            { name: 'Staff', trustPolicy: 'saml-trust.json' },
            { name: 'Deploy', trustPolicy: 'gh-trust.json' },
          ],
        },
      }),
      { now: NOW },
    );
    const saml = reach(map, `saml:arn:aws:iam::${PROD}:saml-provider/Corp`, roleArn('Staff'));
    expect(saml?.routes[0]?.requirements.map((r) => [r.kind, r.key, r.value])).toEqual([
      ['claim', 'saml:edupersonaffiliation', 'staff'],
    ]);
    const gh = reach(
      map,
      `oidc:arn:aws:iam::${PROD}:oidc-provider/token.actions.githubusercontent.com`,
      roleArn('Deploy'),
    );
    expect(gh?.routes[0]?.requirements.map((r) => [r.key, r.value, r.policyValue])).toEqual([
      [
        'token.actions.githubusercontent.com:sub',
        'repo:example/site:ref:refs/heads/x',
        'repo:example/site:ref:refs/heads/*',
      ],
    ]);
  });

  it('follows each person an IdP signs in by their own claims', () => {
    const provider = `arn:aws:iam::${PROD}:saml-provider/Corp`;
    const documents = {
      'saml-trust.json': doc({
        Effect: 'Allow',
        Principal: { Federated: provider },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'saml:edupersonaffiliation': 'staff' } },
      }),
    };
    const person = (nameId: string, affiliation: string) =>
      ({
        protocol: 'saml',
        provider,
        assertion: {
          issuer: 'https://idp.example.com/saml',
          recipient: 'https://signin.aws.amazon.com/saml',
          audience: 'urn:amazon:webservices',
          nameId,
          roles: [`${roleArn('Staff')},${provider}`],
          roleSessionName: nameId,
          notOnOrAfter: '+5m',
          attributes: { 'saml:edupersonaffiliation': [affiliation] },
        },
      }) as const;
    const map = computeAccessMap(
      world({
        documents,
        prod: {
          samlProviders: [{ name: 'Corp', issuer: 'https://idp.example.com/saml' }],
          roles: [{ name: 'Staff', trustPolicy: 'saml-trust.json' }],
        },
      }),
      {
        now: NOW,
        identities: [
          person('alice@example.com', 'staff'),
          person('carol@example.com', 'contractor'),
        ],
      },
    );
    expect(
      reach(map, `saml:${provider}#alice@example.com`, roleArn('Staff'))?.routes[0]?.requirements,
    ).toEqual([]);
    expect(reach(map, `saml:${provider}#carol@example.com`, roleArn('Staff'))).toBeUndefined();
    const carol = map.blocked.find((b) => b.from === `saml:${provider}#carol@example.com`);
    expect([carol?.gate, carol?.tried]).toEqual(['resource', []]);
    expect(
      map.subjects.find((x) => x.subject.id === `saml:${provider}#carol@example.com`)?.subject.via,
    ).toBe('Corp');
  });

  it('carries a session tag and a source identity into later hops of the chain', () => {
    const documents = {
      // Each user may tag a session only with their own team, and name it only after themselves.
      'alice.json': doc(
        { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'sts:TagSession',
          Resource: '*',
          Condition: { StringEquals: { 'aws:RequestTag/team': '${aws:PrincipalTag/team}' } },
        },
        {
          Effect: 'Allow',
          Action: 'sts:SetSourceIdentity',
          Resource: '*',
          Condition: { StringEquals: { 'sts:SourceIdentity': '${aws:username}' } },
        },
      ),
      'engineer-trust.json': doc({
        Effect: 'Allow',
        Principal: { AWS: JUMP },
        Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
      }),
      'engineer.json': doc(
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::data/${aws:PrincipalTag/team}/*',
        },
        { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
      ),
      'audit-trust.json': trust(
        { AWS: roleArn('Engineer') },
        { StringLike: { 'aws:SourceIdentity': '*' } },
      ),
    };
    const users = (name: string, team: string) => ({
      name,
      inlinePolicies: [{ name: 'p', document: 'alice.json' }],
      tags: [{ key: 'team', value: team }],
    });
    const map = computeAccessMap(
      world({
        documents,
        jump: { users: [users('alice', 'payments'), users('bob', 'search')] },
        prod: {
          roles: [
            {
              name: 'Engineer',
              trustPolicy: 'engineer-trust.json',
              inlinePolicies: [{ name: 'e', document: 'engineer.json' }],
            },
            { name: 'Audit', trustPolicy: 'audit-trust.json' },
          ],
          buckets: [{ name: 'data', objects: ['payments/2023.csv'] }],
        },
      }),
      { now: NOW },
    );
    expect(kinds(reach(map, user('alice'), 'data:read')?.routes[0]?.requirements ?? [])).toEqual([
      'session-tag="payments"',
    ]);
    expect(reach(map, user('bob'), 'data:read')).toBeUndefined();
    // Audit wants a source identity: only a chain that set one at Engineer gets in.
    expect(
      reach(map, user('alice'), roleArn('Audit'))?.routes.map((r) => kinds(r.requirements)),
    ).toEqual([['source-identity="alice"']]);
    expect(reach(map, `role:${roleArn('Engineer')}`, roleArn('Audit'))).toBeUndefined();
  });

  it('says "never" when no value meets the condition, and names the keys it tried', () => {
    const documents = {
      ...base,
      // Two conditions on one key that no single ExternalId meets.
      'developer-trust.json': trust(
        { AWS: JUMP },
        {
          StringEquals: { 'sts:ExternalId': 'alpha' },
          StringNotEquals: { 'sts:ExternalId': 'alpha' },
        },
      ),
    };
    const map = computeAccessMap(world({ documents, prod: prodRoles }), { now: NOW });
    expect(reach(map, user('alice'), roleArn('Developer'))).toBeUndefined();
    const never = map.blocked.find(
      (b) => b.from === user('alice') && b.to.kind === 'role' && b.to.name === 'Developer',
    );
    expect(never?.gate).toBe('resource');
    expect(never?.tried).toEqual(['sts:ExternalId']);
  });

  it('carries MFA from the first sign-in down a chain, for those who can sign in with it', () => {
    const documents = {
      ...base,
      'deploy-trust.json': trust(
        { AWS: roleArn('Developer') },
        { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      ),
    };
    const map = computeAccessMap(world({ documents, prod: prodRoles }), { now: NOW });
    const deploy = reach(map, user('alice'), roleArn('Deploy'));
    expect(deploy?.routes.map((r) => [r.hops.length, kinds(r.requirements)])).toEqual([
      [2, ['mfa="true"']],
    ]);
    // bob has no MFA device; Developer's own sessions (a workload) never signed in with MFA.
    expect(reach(map, user('bob'), roleArn('Developer'))).toBeDefined();
    expect(reach(map, user('bob'), roleArn('Deploy'))).toBeUndefined();
    expect(reach(map, `role:${roleArn('Developer')}`, roleArn('Deploy'))).toBeUndefined();
  });

  it('sends a policy variable filled from the caller: each user only with their own name', () => {
    const documents = {
      ...base,
      'alice.json': doc({
        Effect: 'Allow',
        Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
        Resource: '*',
        Condition: { StringEquals: { 'sts:SourceIdentity': '${aws:username}' } },
      }),
      'developer-trust.json': doc({
        Effect: 'Allow',
        Principal: { AWS: JUMP },
        Action: ['sts:AssumeRole', 'sts:SetSourceIdentity'],
        Condition: { StringLike: { 'sts:SourceIdentity': '*' } },
      }),
    };
    const map = computeAccessMap(world({ documents, prod: prodRoles }), { now: NOW });
    expect(
      kinds(reach(map, user('alice'), roleArn('Developer'))?.routes[0]?.requirements ?? []),
    ).toEqual(['source-identity="alice"']);
  });
});

describe('access map: recomputation', () => {
  it('gives the same map through a cache after an edit as computed afresh', () => {
    const documents = {
      'developer-trust.json': trust({ AWS: JUMP }),
      'deploy-trust.json': trust({ AWS: roleArn('Developer') }),
      'developer.json': allowAssume,
    };
    const prod: Partial<Account> = {
      roles: [
        {
          name: 'Developer',
          trustPolicy: 'developer-trust.json',
          inlinePolicies: [{ name: 'c', document: 'developer.json' }],
        },
        { name: 'Deploy', trustPolicy: 'deploy-trust.json' },
      ],
    };
    const cache = createAccessCache();
    const w1 = world({ documents, prod });
    computeAccessMap(w1, { now: NOW }, cache);
    const edited = {
      ...w1,
      documents: {
        ...w1.documents,
        'deploy-trust.json': trust(
          { AWS: JUMP },
          { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        ),
      },
    };
    const viaCache = computeAccessMap(edited, { now: NOW }, cache);
    expect(viaCache).toEqual(computeAccessMap(edited, { now: NOW }));
    expect(
      reach(viaCache, user('alice'), roleArn('Deploy'))?.routes.map((r) => kinds(r.requirements)),
    ).toEqual([['mfa="true"']]);
  });
});

describe('access map: a sequence of edits through one cache', () => {
  it('matches a fresh computation after each edit of a trust, an SCP, a bucket and an identity policy', () => {
    const prod: Partial<Account> = {
      roles: [
        {
          name: 'Developer',
          trustPolicy: 'developer-trust.json',
          inlinePolicies: [{ name: 'c', document: 'developer.json' }],
        },
        { name: 'Deploy', trustPolicy: 'deploy-trust.json' },
      ],
      buckets: [{ name: 'site', policy: 'site-policy.json', objects: ['a.txt'] }],
    };
    const start = world({
      documents: {
        'developer-trust.json': trust({ AWS: JUMP }),
        'deploy-trust.json': trust({ AWS: roleArn('Developer') }),
        'developer.json': doc({
          Effect: 'Allow',
          Action: ['sts:AssumeRole', 's3:*'],
          Resource: '*',
        }),
        'site-policy.json': doc({
          Effect: 'Allow',
          Principal: { AWS: JUMP },
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::site/*',
        }),
        'scp.json': doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
      },
      prod,
      jump: { scps: ['scp.json'] },
      ous: [{ name: 'All', accounts: [JUMP, PROD] }],
    });
    const edits: Record<string, string>[] = [
      {
        'deploy-trust.json': trust(
          { AWS: JUMP },
          { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        ),
      },
      {
        'scp.json': doc(
          { Effect: 'Allow', Action: '*', Resource: '*' },
          { Effect: 'Deny', Action: 's3:*', Resource: '*' },
        ),
      },
      {
        'site-policy.json': doc({
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:ListBucket',
          Resource: 'arn:aws:s3:::site',
        }),
      },
      { 'alice.json': doc({ Effect: 'Deny', Action: 'sts:AssumeRole', Resource: '*' }) },
      { 'deploy-trust.json': trust({ AWS: roleArn('Developer') }) },
    ];
    const cache = createAccessCache();
    let current = start;
    computeAccessMap(current, { now: NOW }, cache);
    for (const edit of edits) {
      current = { ...current, documents: { ...current.documents, ...edit } };
      expect(computeAccessMap(current, { now: NOW }, cache)).toEqual(
        computeAccessMap(current, { now: NOW }),
      );
    }
  });
});

describe('access diff in words', () => {
  const prod: Partial<Account> = { roles: [{ name: 'Deploy', trustPolicy: 'deploy-trust.json' }] };
  const before = world({
    documents: { 'deploy-trust.json': trust({ AWS: `arn:aws:iam::${JUMP}:user/alice` }) },
    prod,
  });
  const after = world({
    documents: {
      'deploy-trust.json': trust(
        { AWS: [`arn:aws:iam::${JUMP}:user/alice`, `arn:aws:iam::${JUMP}:user/bob`] },
        { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      ),
    },
    prod,
    jump: {
      users: [
        {
          name: 'alice',
          inlinePolicies: [{ name: 'assume', document: 'alice.json' }],
          mfaDevice: { serialNumber: `arn:aws:iam::${JUMP}:mfa/alice` },
        },
        {
          name: 'bob',
          inlinePolicies: [{ name: 'assume', document: 'bob.json' }],
          mfaDevice: { serialNumber: `arn:aws:iam::${JUMP}:mfa/bob` },
        },
      ],
    },
  });

  it('says who gained and who lost what, with and without which requirement', () => {
    const changes = diffAccessMaps(
      computeAccessMap(before, { now: NOW }),
      computeAccessMap(after, { now: NOW }),
      after.accounts,
    );
    expect(changes.map((c) => c.text.en)).toEqual([
      '− alice can no longer assume Deploy in prod without MFA',
      '+ bob can now assume Deploy in prod, with MFA',
    ]);
    expect(changes.map((c) => c.text.ja)).toEqual([
      '− alice は MFA なしでは prod の Deploy を引き受けられなくなった',
      '+ bob は MFA があれば prod の Deploy を引き受けられるようになった',
    ]);
  });

  it('is empty for the same world, and mirrors itself when the states swap', () => {
    const a = computeAccessMap(before, { now: NOW });
    const b = computeAccessMap(after, { now: NOW });
    expect(diffAccessMaps(a, a)).toEqual([]);
    expect(diffAccessMaps(b, a, after.accounts).map((c) => c.text.en)).toEqual([
      '− bob can no longer assume Deploy in prod',
      '+ alice can now assume Deploy in prod without MFA',
    ]);
  });
});

describe('paths', () => {
  const documents = {
    'developer-trust.json': trust({ AWS: JUMP }),
    'developer.json': allowAssume,
    'deploy-trust.json': trust(
      { AWS: roleArn('Developer') },
      { StringEquals: { 'sts:ExternalId': 'deploy-1' } },
    ),
    'bob.json': doc(
      { Effect: 'Deny', Action: 'sts:AssumeRole', Resource: roleArn('Developer') },
      { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
    ),
  };
  const prod: Partial<Account> = {
    roles: [
      {
        name: 'Developer',
        trustPolicy: 'developer-trust.json',
        inlinePolicies: [{ name: 'c', document: 'developer.json' }],
      },
      { name: 'Deploy', trustPolicy: 'deploy-trust.json' },
    ],
  };
  const map = computeAccessMap(world({ documents, prod }), { now: NOW });

  it('lists the chain with the requirement on the hop that needs it', () => {
    const result = findPaths(map, { from: 'alice', to: roleArn('Deploy') });
    if (!result.ok) throw new Error('expected a result');
    expect(result.paths).toHaveLength(1);
    const hops = result.paths[0]?.hops ?? [];
    expect(hops.map((h) => kinds(h.requirements))).toEqual([[], ['external-id="deploy-1"']]);
    expect(hops[1]?.gates.find((g) => g.gate === 'resource')?.outcome).toBe('allow');
  });

  it('names the gate that stops each candidate path when there is none', () => {
    const result = findPaths(map, { from: 'bob', to: 'Deploy' });
    if (!result.ok) throw new Error('expected a result');
    expect(result.paths).toEqual([]);
    expect(result.stopped).toHaveLength(1);
    const stop = result.stopped[0];
    expect(stop?.blocked.gate).toBe('identity');
    expect(stop?.blocked.reason).toBe('explicit-deny');
    expect(stop?.after.map((h) => (h.to.kind === 'role' ? h.to.name : ''))).toEqual(['Deploy']);
  });

  it('says which name it does not know', () => {
    expect(findPaths(map, { from: 'carol', to: 'Deploy' })).toEqual({
      ok: false,
      problem: 'unknown-from',
      name: 'carol',
    });
    expect(findPaths(map, { from: 'alice', to: 'Nope' })).toEqual({
      ok: false,
      problem: 'unknown-to',
      name: 'Nope',
    });
  });
});
