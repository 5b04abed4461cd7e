// The scenario.json format, as a zod schema. It is the single source for validation,
// for the TypeScript types (`ScenarioFile`) and for the generated JSON Schema that editors
// use for completion (scripts/gen-scenario-schema.ts).
import * as z from 'zod';

const localized = z
  .strictObject({ en: z.string().min(1), ja: z.string().min(1) })
  .meta({ description: 'Text in English and Japanese.' });

const accountId = z.string().regex(/^\d{12}$/, 'an account ID is 12 digits');
const docId = z
  .string()
  .regex(/^[\w.\-/]+\.json$/, 'a document is a relative path to a .json file')
  .meta({ description: 'Path of a policy JSON file, relative to the scenario folder.' });
const iamName = z.string().regex(/^[\w+=,.@-]{1,128}$/, 'names use letters, digits and +=,.@_-');
const iamPath = z
  .string()
  .regex(/^\/([\x21-\x7e]*\/)?$/, 'a path starts and ends with /')
  .meta({ description: 'IAM path, e.g. `/` or `/teams/`.' });
const attachment = z.string().min(1).meta({
  description:
    'A managed policy ARN (e.g. arn:aws:iam::aws:policy/ReadOnlyAccess) or the name of a customer managed policy in the same account.',
});
const scpAttachment = z
  .string()
  .min(1)
  .meta({ description: 'A document path, or `FullAWSAccess` / `RCPFullAWSAccess`.' });
const tag = z.strictObject({ key: z.string().min(1).max(128), value: z.string().max(256) });
const inlinePolicy = z.strictObject({ name: z.string().min(1).max(128), document: docId });

const user = z.strictObject({
  name: iamName,
  path: iamPath.optional(),
  groups: z.array(iamName).optional(),
  inlinePolicies: z.array(inlinePolicy).optional(),
  managedPolicies: z.array(attachment).optional(),
  permissionsBoundary: attachment.optional(),
  mfaDevice: z.strictObject({ serialNumber: z.string().min(9) }).optional(),
  accessKeyIds: z.array(z.string().regex(/^AKIA[A-Z0-9]{16}$/)).optional(),
  tags: z.array(tag).optional(),
});

const group = z.strictObject({
  name: iamName,
  path: iamPath.optional(),
  inlinePolicies: z.array(inlinePolicy).optional(),
  managedPolicies: z.array(attachment).optional(),
});

const role = z.strictObject({
  name: z.string().regex(/^[\w+=,.@-]{1,64}$/, 'a role name is 1–64 letters, digits or +=,.@_-'),
  path: iamPath.optional(),
  description: z.string().optional(),
  trustPolicy: docId,
  inlinePolicies: z.array(inlinePolicy).optional(),
  managedPolicies: z.array(attachment).optional(),
  permissionsBoundary: attachment.optional(),
  maxSessionDuration: z.number().int().min(3600).max(43200).optional(),
  tags: z.array(tag).optional(),
});

const account = z.strictObject({
  id: accountId,
  alias: z
    .string()
    .regex(
      /^[a-z0-9]([a-z0-9-]{1,61})[a-z0-9]$/,
      'an alias is 3–63 lowercase letters, digits or hyphens',
    ),
  purpose: z.enum([
    'management',
    'identity',
    'dev',
    'staging',
    'prod',
    'security',
    'vendor',
    'workload',
  ]),
  users: z.array(user).optional(),
  groups: z.array(group).optional(),
  roles: z.array(role).optional(),
  policies: z
    .array(z.strictObject({ name: iamName, path: iamPath.optional(), document: docId }))
    .optional(),
  samlProviders: z.array(z.strictObject({ name: iamName, issuer: z.string().min(1) })).optional(),
  oidcProviders: z
    .array(
      z.strictObject({
        url: z.string().regex(/^[a-z0-9.-]+(\/[\w./-]*)?$/, 'the issuer URL without https://'),
        clientIds: z.array(z.string().min(1)).min(1),
        flavor: z.enum(['github-actions', 'google', 'cognito', 'generic']).optional(),
      }),
    )
    .optional(),
  buckets: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name'),
        policy: docId.optional(),
        objects: z.array(z.string().min(1)).optional(),
      }),
    )
    .optional(),
  scps: z.array(scpAttachment).optional(),
  rcps: z.array(scpAttachment).optional(),
});

interface OuInput {
  name: string;
  scps?: string[] | undefined;
  rcps?: string[] | undefined;
  accounts?: string[] | undefined;
  children?: OuInput[] | undefined;
}
const organizationalUnit: z.ZodType<OuInput> = z.lazy(() =>
  z.strictObject({
    name: z.string().min(1),
    scps: z.array(scpAttachment).optional(),
    rcps: z.array(scpAttachment).optional(),
    accounts: z.array(accountId).optional(),
    children: z.array(organizationalUnit).optional(),
  }),
);

const organization = z.strictObject({
  id: z
    .string()
    .regex(/^o-[a-z0-9]{10,32}$/, 'an organization ID is o- and 10–32 lowercase letters or digits'),
  managementAccount: accountId,
  root: organizationalUnit,
});

const policyText = z
  .string()
  .meta({ description: 'A session policy: a document path (policies/…json) or JSON text.' });

const calls = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('AssumeRole'),
    roleArn: z.string(),
    roleSessionName: z.string().optional(),
    durationSeconds: z.number().int().optional(),
    externalId: z.string().optional(),
    serialNumber: z.string().optional(),
    tokenCode: z.string().optional(),
    mfa: z.boolean().optional(),
    policy: policyText.optional(),
    policyArns: z.array(z.strictObject({ arn: z.string() })).optional(),
    tags: z.array(z.strictObject({ key: z.string(), value: z.string() })).optional(),
    transitiveTagKeys: z.array(z.string()).optional(),
    sourceIdentity: z.string().optional(),
  }),
  z.strictObject({
    op: z.literal('AssumeRoleWithSAML'),
    roleArn: z.string(),
    principalArn: z.string(),
    durationSeconds: z.number().int().optional(),
    policy: policyText.optional(),
    assertion: z.strictObject({
      issuer: z.string(),
      recipient: z.string(),
      audience: z.string(),
      nameId: z.string(),
      nameIdFormat: z.string().optional(),
      roles: z.array(z.string()),
      roleSessionName: z.string(),
      sessionDuration: z.number().int().optional(),
      notOnOrAfter: z.string().meta({ description: 'ISO 8601; relative `+5m` allowed.' }),
      attributes: z.record(z.string(), z.array(z.string())).optional(),
    }),
  }),
  z.strictObject({
    op: z.literal('AssumeRoleWithWebIdentity'),
    roleArn: z.string(),
    roleSessionName: z.string(),
    durationSeconds: z.number().int().optional(),
    policy: policyText.optional(),
    token: z.strictObject({
      iss: z.string(),
      aud: z.string(),
      azp: z.string().optional(),
      sub: z.string(),
      amr: z.array(z.string()).optional(),
      exp: z.number().int().meta({ description: 'Seconds since the epoch.' }),
      iat: z.number().int().optional(),
      claims: z.record(z.string(), z.string()).optional().meta({
        description:
          "Provider-specific claims STS checks against the trust policy (GitHub's `repository_id`, `environment`, …).",
      }),
    }),
  }),
  z.strictObject({
    op: z.literal('GetSessionToken'),
    durationSeconds: z.number().int().optional(),
    serialNumber: z.string().optional(),
    tokenCode: z.string().optional(),
    mfa: z.boolean().optional(),
  }),
  z.strictObject({
    op: z.literal('GetFederationToken'),
    name: z.string(),
    durationSeconds: z.number().int().optional(),
    policy: policyText.optional(),
    policyArns: z.array(z.strictObject({ arn: z.string() })).optional(),
    tags: z.array(z.strictObject({ key: z.string(), value: z.string() })).optional(),
  }),
  z.strictObject({
    op: z.literal('AssumeRoot'),
    targetPrincipal: z
      .string()
      .meta({ description: 'The member account: its ID or `arn:aws:iam::ACCOUNT:root`.' }),
    taskPolicyArn: z.string().meta({
      description: 'An AWS managed task policy, `arn:aws:iam::aws:policy/root-task/…`.',
    }),
    durationSeconds: z.number().int().optional(),
  }),
  z.strictObject({ op: z.literal('GetCallerIdentity') }),
  z.strictObject({
    op: z.literal('SwitchRole'),
    account: z.string(),
    roleName: z.string(),
    displayName: z.string().optional(),
  }),
  z.strictObject({
    op: z.literal('Call'),
    action: z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9*?]+$/, 'an action is service:Action'),
    resource: z.string().min(1),
    context: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional(),
  }),
]);

const step = z.strictObject({
  advanceMinutes: z
    .number()
    .min(0)
    .optional()
    .meta({ description: 'Fast-forward the simulated clock before this call.' }),
  call: calls,
});

const signIn = z.enum(['access-keys', 'console', 'console-mfa']).meta({
  description:
    'How `as` signed in: long-term access keys (default) or the console, with or without MFA.',
});

const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lowercase letters, digits and hyphens');

const attemptFields = {
  id: slug,
  title: localized,
  as: z.string().optional().meta({
    description:
      'Who makes the first call: a user name, a user ARN, or a role ARN (a workload already running as that role). Omit for SAML and web identity.',
  }),
  signIn: signIn.optional(),
  steps: z.array(step).min(1).meta({
    description: 'Calls in order; each later call uses the credentials the previous one returned.',
  }),
};

// `denied` is the one spelling for "refused by policy, either kind": most lessons do not care
// whether a Deny or a missing Allow refuses (AWS's own MFA pattern is a Deny). Name the kind
// only when it is the lesson. AccessDenied is therefore not one of the error codes.
export const expectation = z.union([
  z.enum(['allowed', 'denied', 'explicitDeny', 'implicitDeny']).meta({
    description:
      '`denied` accepts an explicit or an implicit deny; `explicitDeny` / `implicitDeny` only when the kind is the lesson.',
  }),
  z.strictObject({
    error: z.enum([
      'ValidationError',
      'ExpiredToken',
      // AssumeRoleWithWebIdentity's own code for an expired token (STS API reference).
      'ExpiredTokenException',
      'InvalidClientTokenId',
      'InvalidIdentityToken',
      'IDPRejectedClaim',
      'MalformedPolicyDocument',
      'PackedPolicyTooLarge',
      'InvalidParameterValue',
      'NoSuchEntity',
      'NoSuchKey',
    ]),
  }),
]);

const exercise = z.strictObject({
  id: slug,
  title: localized,
  instructions: localized.meta({
    description: 'What the exercise asks, as the chapter says it; the sandbox shows it.',
  }),
  goals: z.array(slug).min(1).meta({ description: 'Ids of this exercise’s goals.' }),
  hints: z.array(localized).meta({
    description: 'Revealed one at a time; never about another exercise’s fix.',
  }),
});

export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lowercase letters, digits and hyphens'),
    version: z.number().int().min(1),
    title: localized,
    description: localized,
    clockStart: z.iso.datetime().optional().meta({
      description: 'Where the simulated clock starts; 2023-06-01T09:00:00Z when omitted.',
    }),
    organization: organization.optional(),
    accounts: z.array(account).min(1),
    editable: z.array(docId).meta({ description: 'Documents the learner may edit.' }),
    attempts: z.array(z.strictObject(attemptFields)),
    goals: z
      .array(z.strictObject({ ...attemptFields, expect: expectation }))
      .min(1)
      .meta({
        description: 'Every goal of the scenario; each belongs to exactly one exercise.',
      }),
    exercises: z.array(exercise).min(1).meta({
      description: 'The exercises, in the order (and so with the numbers) the chapter gives them.',
    }),
  })
  .meta({ title: 'iamlab scenario', description: 'A multi-account world with goals to reach.' });

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type Expectation = z.infer<typeof expectation>;
export type ExerciseFile = z.infer<typeof exercise>;
