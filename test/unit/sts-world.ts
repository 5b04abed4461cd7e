// The world the STS tests run in: a jump account, a prod account inside an organization,
// and a vendor outside it, with roles for every STS path.
import type { World } from '../../sandbox/world/types.ts';

const doc = (statement: unknown): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: statement }, null, 2);

export const JUMP = '111111111111';
export const PROD = '222222222222';
export const VENDOR = '999999999999';
export const role = (name: string): string => `arn:aws:iam::${PROD}:role/${name}`;

export const world: World = {
  organization: {
    id: 'o-testorg00001',
    managementAccount: '100000000000',
    root: {
      name: 'Root',
      accounts: ['100000000000'],
      children: [
        { name: 'Identity', accounts: [JUMP] },
        { name: 'Workloads', accounts: [PROD], scps: ['FullAWSAccess', 'scp/deny-delete.json'] },
      ],
    },
  },
  accounts: [
    { id: '100000000000', alias: 'mgmt', purpose: 'management' },
    {
      id: JUMP,
      alias: 'jump',
      purpose: 'identity',
      groups: [{ name: 'Devs', inlinePolicies: [{ name: 'Assume', document: 'jump/devs.json' }] }],
      users: [
        {
          name: 'alice',
          groups: ['Devs'],
          mfaDevice: { serialNumber: `arn:aws:iam::${JUMP}:mfa/alice` },
          tags: [{ key: 'team', value: 'blue' }],
        },
        { name: 'bob' },
        { name: 'broker', inlinePolicies: [{ name: 'Federate', document: 'jump/broker.json' }] },
      ],
    },
    {
      id: PROD,
      alias: 'prod',
      purpose: 'prod',
      roles: [
        {
          name: 'Deploy',
          trustPolicy: 'prod/deploy-trust.json',
          maxSessionDuration: 7200,
          inlinePolicies: [{ name: 'Work', document: 'prod/deploy-perms.json' }],
        },
        {
          name: 'Tagged',
          trustPolicy: 'prod/tagged-trust.json',
          inlinePolicies: [{ name: 'Work', document: 'prod/deploy-perms.json' }],
        },
        { name: 'Chained', trustPolicy: 'prod/chained-trust.json' },
        { name: 'VendorRole', trustPolicy: 'prod/vendor-trust.json' },
        { name: 'GitHubDeploy', trustPolicy: 'prod/github-trust.json' },
        { name: 'GoogleApp', trustPolicy: 'prod/google-trust.json' },
        { name: 'SamlAdmin', trustPolicy: 'prod/saml-trust.json', maxSessionDuration: 3600 },
        {
          name: 'VeryLongPathRole',
          path: '/a-very-long-path-that-eats-up-the-switch-role-limit/',
          trustPolicy: 'prod/deploy-trust.json',
        },
      ],
      oidcProviders: [
        {
          url: 'token.actions.githubusercontent.com',
          clientIds: ['sts.amazonaws.com'],
          flavor: 'github-actions',
        },
      ],
      samlProviders: [{ name: 'ExampleIdP', issuer: 'https://idp.example.com/metadata' }],
      buckets: [{ name: 'prod-data', objects: ['report.csv'] }],
    },
    {
      id: VENDOR,
      alias: 'vendor',
      purpose: 'vendor',
      roles: [
        {
          name: 'AuditService',
          trustPolicy: 'vendor/ec2-trust.json',
          inlinePolicies: [{ name: 'Assume', document: 'vendor/assume.json' }],
        },
      ],
    },
  ],
  documents: {
    'scp/deny-delete.json': doc([{ Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' }]),
    'jump/devs.json': doc([
      {
        Effect: 'Allow',
        Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
        Resource: `arn:aws:iam::${PROD}:role/*`,
      },
      { Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' },
    ]),
    'jump/broker.json': doc([
      { Effect: 'Allow', Action: ['sts:GetFederationToken', 's3:GetObject'], Resource: '*' },
    ]),
    'prod/deploy-trust.json': doc([
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${JUMP}:root` },
        Action: 'sts:AssumeRole',
        Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
      },
    ]),
    'prod/deploy-perms.json': doc([
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:ListBucket', 's3:DeleteObject'],
        Resource: ['arn:aws:s3:::prod-data', 'arn:aws:s3:::prod-data/*'],
      },
      { Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: '*' },
    ]),
    'prod/tagged-trust.json': doc([
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${JUMP}:root` },
        Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
      },
    ]),
    'prod/chained-trust.json': doc([
      {
        Effect: 'Allow',
        Principal: { AWS: [role('Deploy'), role('Tagged')] },
        Action: ['sts:AssumeRole', 'sts:TagSession'],
      },
    ]),
    'prod/vendor-trust.json': doc([
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${VENDOR}:root` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': 'Example-7f3a' } },
      },
    ]),
    'prod/github-trust.json': doc([
      {
        Effect: 'Allow',
        Principal: {
          Federated: `arn:aws:iam::${PROD}:oidc-provider/token.actions.githubusercontent.com`,
        },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: {
            'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
            'token.actions.githubusercontent.com:sub': 'repo:example/app:ref:refs/heads/main',
          },
        },
      },
    ]),
    'prod/google-trust.json': doc([
      {
        Effect: 'Allow',
        Principal: { Federated: 'accounts.google.com' },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { 'accounts.google.com:aud': 'client-123.apps.googleusercontent.com' },
        },
      },
    ]),
    'prod/saml-trust.json': doc([
      {
        Effect: 'Allow',
        Principal: { Federated: `arn:aws:iam::${PROD}:saml-provider/ExampleIdP` },
        Action: 'sts:AssumeRoleWithSAML',
        Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
      },
    ]),
    'vendor/ec2-trust.json': doc([
      { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
    ]),
    'vendor/assume.json': doc([{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }]),
  },
};
