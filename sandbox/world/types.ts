// The multi-account world a scenario describes: plain JSON data only (no classes, no Maps,
// no Dates), so that the UI can store it, compress it into a share link and diff it.
//
// Policy documents are not inlined: every place that holds a policy names a *document id*
// (the scenario-relative path, e.g. `policies/dev-trust.json`) and `World.documents` maps
// ids to the JSON text. The learner edits texts; the solution overlay replaces texts by id;
// engine findings keep pointing at positions in the text the learner sees.

/** A document id: the path of the policy file relative to the scenario folder. */
export type DocId = string;

/** What an account is for; drives labels and icons only, never evaluation. */
export type AccountPurpose =
  'management' | 'identity' | 'dev' | 'staging' | 'prod' | 'security' | 'vendor' | 'workload';

export interface Tag {
  readonly key: string;
  readonly value: string;
}

/** An inline policy embedded in a user, group or role. */
export interface InlinePolicy {
  readonly name: string;
  readonly document: DocId;
}

/** A customer managed policy, ARN `arn:aws:iam::ACCOUNT:policy{path}{name}`. */
export interface ManagedPolicy {
  readonly name: string;
  /** IAM path, `/` when omitted. */
  readonly path?: string;
  readonly document: DocId;
}

/**
 * Attachments name a managed policy either by ARN (`arn:aws:iam::aws:policy/ReadOnlyAccess`,
 * or a customer managed policy in any account) or by the bare name of a customer managed
 * policy in the same account.
 */
export type PolicyAttachment = string;

export interface MfaDevice {
  /** `arn:aws:iam::ACCOUNT:mfa/NAME` (virtual device); what `SerialNumber` must equal. */
  readonly serialNumber: string;
}

export interface User {
  readonly name: string;
  readonly path?: string;
  readonly groups?: readonly string[];
  readonly inlinePolicies?: readonly InlinePolicy[];
  readonly managedPolicies?: readonly PolicyAttachment[];
  readonly permissionsBoundary?: PolicyAttachment;
  readonly mfaDevice?: MfaDevice;
  /** Long-term access key IDs (`AKIA…`); derived deterministically when omitted. */
  readonly accessKeyIds?: readonly string[];
  readonly tags?: readonly Tag[];
}

export interface Group {
  readonly name: string;
  readonly path?: string;
  readonly inlinePolicies?: readonly InlinePolicy[];
  readonly managedPolicies?: readonly PolicyAttachment[];
}

export interface Role {
  readonly name: string;
  readonly path?: string;
  readonly description?: string;
  /** The trust policy (the role's resource-based policy). */
  readonly trustPolicy: DocId;
  readonly inlinePolicies?: readonly InlinePolicy[];
  readonly managedPolicies?: readonly PolicyAttachment[];
  readonly permissionsBoundary?: PolicyAttachment;
  /** Seconds, 3600…43200; 3600 when omitted (id_roles_use.md). */
  readonly maxSessionDuration?: number;
  readonly tags?: readonly Tag[];
}

export interface SamlProvider {
  /** ARN `arn:aws:iam::ACCOUNT:saml-provider/NAME`. */
  readonly name: string;
  /** The IdP's entity ID from its metadata; an assertion's Issuer must equal it. */
  readonly issuer: string;
}

/** Which kind of OpenID Connect provider: only changes labels and default claim names. */
export type OidcFlavor = 'github-actions' | 'google' | 'cognito' | 'generic';

/** An IAM OIDC identity provider, ARN `arn:aws:iam::ACCOUNT:oidc-provider/HOST[/PATH]`. */
export interface OidcProvider {
  /** Issuer URL without `https://`, e.g. `token.actions.githubusercontent.com`. */
  readonly url: string;
  /** Registered audiences; a token's `aud` must be one of them. */
  readonly clientIds: readonly string[];
  readonly flavor?: OidcFlavor;
}

export interface Bucket {
  readonly name: string;
  /** Bucket policy. */
  readonly policy?: DocId;
  /** Object keys that exist, for `s3:GetObject` to find (missing keys still evaluate). */
  readonly objects?: readonly string[];
}

export interface Account {
  /** 12 digits. */
  readonly id: string;
  readonly alias: string;
  readonly purpose: AccountPurpose;
  readonly users?: readonly User[];
  readonly groups?: readonly Group[];
  readonly roles?: readonly Role[];
  readonly policies?: readonly ManagedPolicy[];
  readonly samlProviders?: readonly SamlProvider[];
  readonly oidcProviders?: readonly OidcProvider[];
  readonly buckets?: readonly Bucket[];
  /** SCPs attached directly to the account; `["FullAWSAccess"]` when omitted. */
  readonly scps?: readonly PolicyAttachmentOrDefault[];
  /** RCPs attached directly to the account; `["RCPFullAWSAccess"]` when omitted. */
  readonly rcps?: readonly PolicyAttachmentOrDefault[];
}

/** A document id, or the literal `FullAWSAccess` / `RCPFullAWSAccess` for AWS's default policies. */
export type PolicyAttachmentOrDefault = string;

export interface OrganizationalUnit {
  readonly name: string;
  readonly scps?: readonly PolicyAttachmentOrDefault[];
  readonly rcps?: readonly PolicyAttachmentOrDefault[];
  /** Account IDs placed directly in this OU. */
  readonly accounts?: readonly string[];
  readonly children?: readonly OrganizationalUnit[];
}

export interface Organization {
  /** `o-` followed by 10–32 lowercase letters or digits. */
  readonly id: string;
  /** SCPs and RCPs never apply to the management account. */
  readonly managementAccount: string;
  /** The root; its `accounts` are the accounts placed directly under the root. */
  readonly root: OrganizationalUnit;
}

export interface World {
  /** `null` for standalone accounts: no SCPs or RCPs apply anywhere. */
  readonly organization: Organization | null;
  readonly accounts: readonly Account[];
  /** Document id → policy JSON text, exactly as the learner sees and edits it. */
  readonly documents: Readonly<Record<DocId, string>>;
}

// ---------------------------------------------------------------------------------------
// Sessions: what STS hands out. Kept outside the world (the world is what the scenario
// author wrote; sessions are what the learner obtained) and passed in and out explicitly.

export type SessionKind =
  /** AssumeRole / Switch Role / AssumeRoleWithSAML / AssumeRoleWithWebIdentity. */
  | 'assumed-role'
  /** GetFederationToken. */
  | 'federated-user'
  /** GetSessionToken: the IAM user itself, with temporary credentials. */
  | 'user-session'
  /** AssumeRoot: a member account's root user, scoped by a task policy. */
  | 'root';

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** ISO 8601, UTC, seconds precision (`2023-06-01T10:00:00Z`), as the AWS CLI prints it. */
  readonly expiration: string;
}

export interface Session {
  readonly kind: SessionKind;
  readonly credentials: Credentials;
  /** The session's own ARN: `arn:aws:sts::ACCT:assumed-role/ROLE/NAME`, `…:federated-user/NAME`, or the user's ARN. */
  readonly arn: string;
  readonly accountId: string;
  /** `aws:userid`: `AROA…:NAME`, `ACCOUNT:NAME`, or the user's `AIDA…`. */
  readonly userId: string;
  /** The role assumed, for assumed-role sessions. */
  readonly roleArn?: string;
  /** The IAM user behind a federated-user or user-session. */
  readonly userArn?: string;
  /** The IdP for web identity and SAML sessions (provider ARN or host such as `accounts.google.com`). */
  readonly federatedProvider?: string;
  /** Milliseconds since the epoch on the simulated clock. */
  readonly issuedAt: number;
  readonly expiresAt: number;
  /**
   * MFA as later calls see it: present when the credentials that obtained the session carried
   * MFA (GetSessionToken with MFA, an MFA console sign-in, and role sessions made from those);
   * `authenticatedAt` is that original authentication. See sandbox/sts/assume-role.ts.
   */
  readonly mfa: { readonly present: boolean; readonly authenticatedAt?: number };
  /** The session policy texts (inline and managed ones passed at creation). */
  readonly sessionPolicies: readonly string[];
  /** GetFederationToken without a policy: the session has no permissions at all. */
  readonly noPermissions?: boolean;
  readonly tags: readonly Tag[];
  readonly transitiveTagKeys: readonly string[];
  readonly sourceIdentity?: string;
  /** True when this session was obtained with another role session's credentials. */
  readonly chained: boolean;
  /**
   * Credentials of a workload's role (an EC2 instance profile): assuming a role with them is
   * not role chaining (id_roles_terms-and-concepts.md).
   */
  readonly workload?: boolean;
  /** Extra request context the session carries into later calls (SAML / OIDC keys). */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

/** Who makes a call: a user with long-term keys, a session, or nobody (SAML / web identity). */
export type Caller =
  | { readonly type: 'user'; readonly arn: string }
  /** A user signed in to the console (temporary credentials made by the console, MFA as signed in). */
  | {
      readonly type: 'console-user';
      readonly arn: string;
      readonly mfa: boolean;
      /**
       * When the user signed in (ms on the simulated clock); `aws:MultiFactorAuthAge` counts
       * from it. Omitted: the sign-in is taken to be the current moment.
       */
      readonly signedInAt?: number;
    }
  | { readonly type: 'session'; readonly accessKeyId: string }
  | { readonly type: 'anonymous' };
