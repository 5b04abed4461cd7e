// Invariants of the authorizer, checked on generated requests and policies (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authorize } from '../../sandbox/engine/authorize.ts';
import type { AuthzInput, AuthzResult } from '../../sandbox/engine/types.ts';
import { parseEvalCasesText, runEvalCases } from '../../sandbox/eval-cases/index.ts';
import { explain } from '../../sandbox/explain/index.ts';
import { parsePolicy } from '../../sandbox/policy/parse.ts';
import type { PolicyKind } from '../../sandbox/policy/types.ts';

const A = '111111111111';
const B = '222222222222';

const principals = fc.constantFrom(
  `arn:aws:iam::${A}:user/alice`,
  `arn:aws:iam::${A}:user/bob`,
  `arn:aws:sts::${A}:assumed-role/Dev/s1`,
  `arn:aws:sts::${B}:assumed-role/Ops/s2`,
  `arn:aws:iam::${B}:user/carol`,
  `arn:aws:sts::${A}:federated-user/fed`,
  `arn:aws:iam::${A}:saml-provider/Corp`,
  'accounts.google.com',
  'ec2.amazonaws.com',
  'anonymous',
);
const actions = fc.constantFrom(
  's3:GetObject',
  's3:PutObject',
  'sts:AssumeRole',
  'sts:TagSession',
  'iam:GetUser',
  'sts:AssumeRoleWithSAML',
);
const resources = fc.constantFrom(
  'arn:aws:s3:::bucket/key',
  'arn:aws:s3:::logs/x',
  `arn:aws:iam::${B}:role/Ops`,
  `arn:aws:iam::${A}:role/Dev`,
  `arn:aws:iam::${A}:user/alice`,
  '*',
);
const contexts = fc.record(
  {
    'aws:MultiFactorAuthPresent': fc.constantFrom('true', 'false'),
    'aws:SourceIp': fc.constantFrom('203.0.113.9', '198.51.100.1', '2001:db8::1'),
    'aws:username': fc.constantFrom('alice', 'bob'),
    'aws:TagKeys': fc.array(fc.constantFrom('team', 'cost'), { maxLength: 2 }),
  },
  { requiredKeys: [] },
);

const patternActions = fc.constantFrom(
  '*',
  's3:*',
  's3:Get*',
  'S3:getobject',
  'sts:Assume*',
  'iam:?etUser',
  'sts:TagSession',
);
const patternResources = fc.constantFrom(
  '*',
  'arn:aws:s3:::bucket/*',
  'arn:aws:s3:::*log*/*',
  'arn:aws:iam::*:role/*',
  'arn:aws:iam::*:user/${aws:username}',
  `arn:aws:iam::${A}:user/*`,
);
const principalValues = fc.constantFrom(
  '*',
  A,
  B,
  `arn:aws:iam::${A}:root`,
  `arn:aws:iam::${A}:user/alice`,
  `arn:aws:iam::${A}:role/Dev`,
  `arn:aws:sts::${A}:assumed-role/Dev/s1`,
  `arn:aws:iam::${B}:role/Ops`,
);
const conditions = fc.option(
  fc.constantFrom(
    { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
    { IpAddress: { 'aws:SourceIp': '203.0.113.0/24' } },
    { StringNotEquals: { 'aws:username': 'bob' } },
    { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } },
    { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['c*'] } },
    { Null: { 'aws:SourceIp': 'false' } },
  ),
  { nil: undefined },
);

function statement(effect: 'Allow' | 'Deny', withPrincipal: boolean) {
  return fc
    .record({
      action: fc.array(patternActions, { minLength: 1, maxLength: 2 }),
      resource: fc.array(patternResources, { minLength: 1, maxLength: 2 }),
      principal: fc.array(principalValues, { minLength: 1, maxLength: 2 }),
      condition: conditions,
    })
    .map((s) => ({
      Effect: effect,
      Action: s.action,
      Resource: s.resource,
      ...(withPrincipal ? { Principal: { AWS: s.principal } } : {}),
      ...(s.condition === undefined ? {} : { Condition: s.condition }),
    }));
}

function policy(withPrincipal: boolean) {
  return fc
    .array(
      fc.oneof(
        statement('Allow', withPrincipal),
        statement('Allow', withPrincipal),
        statement('Deny', withPrincipal),
      ),
      {
        minLength: 1,
        maxLength: 3,
      },
    )
    .map((Statement) => ({ Version: '2012-10-17', Statement }));
}

interface Raw {
  principal: string;
  action: string;
  resource: string;
  context: Record<string, string | string[]>;
  identity: object[];
  resourcePolicy: object | null;
  boundary: object | null;
  session: object | null;
  scps: object[];
}

const raws: fc.Arbitrary<Raw> = fc.record({
  principal: principals,
  action: actions,
  resource: resources,
  context: contexts,
  identity: fc.array(policy(false), { maxLength: 2 }),
  resourcePolicy: fc.option(policy(true), { nil: null }),
  boundary: fc.option(policy(false), { nil: null }),
  session: fc.option(policy(false), { nil: null }),
  scps: fc.array(policy(false), { maxLength: 1 }),
});

const parsed = (doc: object, kind: PolicyKind, name: string) => parsePolicy(doc, { kind, name });

function input(raw: Raw): AuthzInput {
  const trust = raw.action.startsWith('sts:AssumeRole');
  return {
    request: {
      principal: raw.principal,
      action: raw.action,
      resource: raw.resource,
      context: raw.context,
    },
    identityPolicies: raw.identity.map((p, i) => parsed(p, 'identity', `id${i}`)),
    resourcePolicy:
      raw.resourcePolicy === null
        ? null
        : parsed(raw.resourcePolicy, trust ? 'trust' : 'resource', 'res'),
    scps: raw.scps.length === 0 ? [] : [raw.scps.map((p, i) => parsed(p, 'scp', `scp${i}`))],
    rcps: [],
    permissionBoundary: raw.boundary === null ? null : parsed(raw.boundary, 'boundary', 'pb'),
    sessionPolicy: raw.session === null ? null : parsed(raw.session, 'session', 'sp'),
  };
}

const denyAll = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }],
};
const denyAllWithPrincipal = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' }],
};

function noInternalError(result: AuthzResult): void {
  expect(result.reason).not.toBe('internal-error');
}

describe('authorize invariants', { timeout: 60_000 }, () => {
  it('an explicit deny in the resource policy always wins', () => {
    fc.assert(
      fc.property(raws, (raw) => {
        const base = input(raw);
        const kind = raw.action.startsWith('sts:AssumeRole') ? 'trust' : 'resource';
        const resourcePolicy = parsePolicy(
          {
            ...denyAllWithPrincipal,
            Statement: [
              ...denyAllWithPrincipal.Statement,
              ...((raw.resourcePolicy as { Statement?: object[] } | null)?.Statement ?? []),
            ],
          },
          { kind, name: 'res+deny' },
        );
        fc.pre(!resourcePolicy.hasErrors);
        const result = authorize({ ...base, resourcePolicy });
        noInternalError(result);
        expect(result.decision).toBe('explicitDeny');
      }),
      { numRuns: 300 },
    );
  });

  it('an explicit deny in an identity policy wins for every principal of an account', () => {
    fc.assert(
      fc.property(raws, (raw) => {
        const base = input(raw);
        const result = authorize({
          ...base,
          identityPolicies: [...base.identityPolicies, parsed(denyAll, 'identity', 'deny')],
        });
        noInternalError(result);
        if (result.principalAccount !== null) expect(result.decision).toBe('explicitDeny');
      }),
      { numRuns: 300 },
    );
  });

  it('adding an Allow statement never turns allowed into denied', () => {
    fc.assert(
      fc.property(
        raws,
        statement('Allow', false),
        statement('Allow', true),
        (raw, extraIdentity, extraResource) => {
          const before = authorize(input(raw));
          noInternalError(before);
          const more: Raw = {
            ...raw,
            identity: [...raw.identity, { Version: '2012-10-17', Statement: [extraIdentity] }],
            resourcePolicy:
              raw.resourcePolicy === null
                ? null
                : {
                    ...raw.resourcePolicy,
                    Statement: [
                      ...(raw.resourcePolicy as { Statement: object[] }).Statement,
                      extraResource,
                    ],
                  },
          };
          const after = authorize(input(more));
          if (before.decision === 'allowed') expect(after.decision).toBe('allowed');
          if (before.decision === 'explicitDeny') expect(after.decision).toBe('explicitDeny');
        },
      ),
      { numRuns: 400 },
    );
  });

  it('cross-account access needs both the identity side and the resource side', () => {
    const allowAll = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    };
    fc.assert(
      fc.property(
        raws,
        fc.constantFrom(A, `arn:aws:iam::${A}:root`, `arn:aws:iam::${A}:user/alice`),
        (raw, trusted) => {
          // A caller in A, a resource in B, and both sides given a way to allow.
          const crossRaw: Raw = {
            ...raw,
            principal: `arn:aws:iam::${A}:user/alice`,
            action: 'sts:AssumeRole',
            resource: `arn:aws:iam::${B}:role/Ops`,
            identity: [...raw.identity, allowAll],
            resourcePolicy: {
              Version: '2012-10-17',
              Statement: [
                ...((raw.resourcePolicy as { Statement?: object[] } | null)?.Statement ?? []),
                { Effect: 'Allow', Principal: { AWS: trusted }, Action: 'sts:AssumeRole' },
              ],
            },
            session: null,
          };
          const base = input(crossRaw);
          const result = authorize(base);
          expect(result.crossAccount).toBe(true);
          fc.pre(result.decision === 'allowed');
          expect(authorize({ ...base, identityPolicies: [] }).decision).not.toBe('allowed');
          expect(authorize({ ...base, resourcePolicy: null }).decision).not.toBe('allowed');
          const withoutGrant = input({ ...crossRaw, identity: raw.identity });
          if (authorize(withoutGrant).decision === 'allowed') {
            expect(withoutGrant.identityPolicies.some((p) => !p.hasErrors)).toBe(true);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('principals of no account are decided by the resource policy alone', () => {
    fc.assert(
      fc.property(raws, (raw) => {
        const base = input(raw);
        const result = authorize(base);
        fc.pre(result.principalAccount === null);
        expect(
          authorize({ ...base, identityPolicies: [], permissionBoundary: null, scps: [] }).decision,
        ).toBe(result.decision);
      }),
      { numRuns: 300 },
    );
  });
});

describe('no input makes any layer throw or hang', { timeout: 60_000 }, () => {
  // Generous bounds: hang guards only; the measured figures are in `npm run bench`.
  const BOUND_MS = 250;

  function timed<T>(f: () => T): T {
    const start = performance.now();
    const value = f();
    expect(performance.now() - start).toBeLessThan(BOUND_MS);
    return value;
  }

  const kinds = fc.constantFrom<PolicyKind>(
    'identity',
    'trust',
    'resource',
    'scp',
    'rcp',
    'boundary',
    'session',
  );

  it('random JSON as every policy', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        kinds,
        principals,
        actions,
        resources,
        (json, kind, principal, action, resource) => {
          const policy = timed(() => parsePolicy(json, { kind }));
          const result = timed(() =>
            authorize({
              request: { principal, action, resource, context: {} },
              identityPolicies: [policy],
              resourcePolicy: policy,
              scps: [[policy]],
              rcps: [[policy]],
              permissionBoundary: policy,
              sessionPolicy: policy,
            }),
          );
          noInternalError(result);
          expect(explain(result, 'ja').length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('random strings as policy text and as case files', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        timed(() => parsePolicy(text, { kind: 'identity' }));
        const cases = timed(() => parseEvalCasesText(text));
        expect(typeof cases.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('random request values, `__proto__` keys and odd context shapes', () => {
    const policy = parsePolicy(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: '*',
            Resource: 'arn:aws:s3:::${aws:username}/*',
            Condition: { StringLike: { __proto__: 'x', 'aws:username': '${aws:username}' } },
          },
        ],
      },
      { kind: 'identity' },
    );
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.string(),
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.array(fc.string()))),
        (principal, action, resource, context) => {
          const withProto = JSON.parse(`{"__proto__": "polluted", "constructor": ["x"]}`) as Record<
            string,
            string
          >;
          const result = timed(() =>
            authorize({
              request: { principal, action, resource, context: { ...context, ...withProto } },
              identityPolicies: [policy],
              resourcePolicy: null,
              scps: [],
              rcps: [],
              permissionBoundary: null,
              sessionPolicy: null,
            }),
          );
          noInternalError(result);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('10,000-character wildcard patterns in Action, Resource and conditions', () => {
    const piece = fc.constantFrom('*', '?', 'a', 'b', ':', '/', '${*}', '${aws:username}');
    fc.assert(
      fc.property(
        fc.array(piece, { minLength: 2000, maxLength: 2500 }),
        fc.string({ maxLength: 2000 }),
        (parts, value) => {
          const pattern = parts.join('').slice(0, 10_000);
          const policy = parsePolicy(
            {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: pattern,
                  Resource: [pattern, `arn:aws:s3:::${pattern}`],
                  Condition: {
                    StringLike: { 'aws:username': pattern },
                    ArnLike: { 'aws:SourceArn': pattern },
                  },
                },
              ],
            },
            { kind: 'identity', sizeLimit: null },
          );
          const result = timed(() =>
            authorize({
              request: {
                principal: `arn:aws:iam::${A}:user/alice`,
                action: value,
                resource: `arn:aws:s3:::${value}`,
                context: { 'aws:username': value, 'aws:SourceArn': value },
              },
              identityPolicies: [policy],
              resourcePolicy: null,
              scps: [],
              rcps: [],
              permissionBoundary: null,
              sessionPolicy: null,
            }),
          );
          noInternalError(result);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('deep nesting in policies and case files', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    timed(() => parsePolicy(deep, { kind: 'identity' }));
    expect(timed(() => parseEvalCasesText(deep)).ok).toBe(false);
    let nested: unknown = {};
    for (let i = 0; i < 300; i++) nested = { Statement: nested };
    timed(() => parsePolicy(nested, { kind: 'identity' }));
    const cases = `[{"id":"d","request":{"principal":"p","action":"a","resource":"*","context":{}},"identityPolicies":[${deep}]}]`;
    const parsedCases = timed(() => parseEvalCasesText(cases));
    if (parsedCases.ok) timed(() => runEvalCases(parsedCases.cases));
  });
});
