// STS calls, responses and errors as plain data. Parameter names follow the STS API
// (camel-cased), responses follow what `aws sts …` prints.
import type { AuthzResult } from '../engine/types.ts';
import type { Localized } from '../policy/types.ts';
import type { Credentials, Session, Tag } from '../world/types.ts';

export interface PolicyArn {
  readonly arn: string;
}

export interface AssumeRoleCall {
  readonly op: 'AssumeRole';
  readonly roleArn: string;
  /** Defaults to a fixed name so that scenarios stay short. */
  readonly roleSessionName?: string;
  readonly durationSeconds?: number;
  readonly externalId?: string;
  readonly serialNumber?: string;
  readonly tokenCode?: string;
  /** Convenience for authors and the CLI's `--mfa`: the caller's own device and a valid code. */
  readonly mfa?: boolean;
  /** Inline session policy: JSON text. */
  readonly policy?: string;
  readonly policyArns?: readonly PolicyArn[];
  readonly tags?: readonly Tag[];
  readonly transitiveTagKeys?: readonly string[];
  readonly sourceIdentity?: string;
}

/** The parts of a SAML assertion that AssumeRoleWithSAML checks, as editable fields. */
export interface SamlAssertion {
  readonly issuer: string;
  /** SubjectConfirmationData Recipient; becomes `saml:aud`. */
  readonly recipient: string;
  /** AudienceRestriction Audience. */
  readonly audience: string;
  readonly nameId: string;
  readonly nameIdFormat?: string;
  /** The `https://aws.amazon.com/SAML/Attributes/Role` values: `ROLE_ARN,PROVIDER_ARN` pairs. */
  readonly roles: readonly string[];
  /** `https://aws.amazon.com/SAML/Attributes/RoleSessionName`. */
  readonly roleSessionName: string;
  /** `https://aws.amazon.com/SAML/Attributes/SessionDuration`, seconds. */
  readonly sessionDuration?: number;
  /** SubjectConfirmationData NotOnOrAfter, ISO 8601. */
  readonly notOnOrAfter: string;
  /** Further attributes that become `saml:…` keys, e.g. `{"saml:edupersonaffiliation": ["staff"]}`. */
  readonly attributes?: Readonly<Record<string, readonly string[]>>;
}

export interface AssumeRoleWithSamlCall {
  readonly op: 'AssumeRoleWithSAML';
  readonly roleArn: string;
  readonly principalArn: string;
  readonly assertion: SamlAssertion;
  readonly durationSeconds?: number;
  readonly policy?: string;
}

/** An OIDC ID token's claims, as editable fields. `exp` and `iat` are seconds since the epoch. */
export interface OidcClaims {
  readonly iss: string;
  readonly aud: string;
  readonly azp?: string;
  readonly sub: string;
  readonly amr?: readonly string[];
  readonly exp: number;
  readonly iat?: number;
  /**
   * Provider-specific claims that STS checks against the trust policy (GitHub's
   * `repository_id`, `ref`, `environment`, `job_workflow_ref`, …), by claim name.
   */
  readonly claims?: Readonly<Record<string, string>>;
}

export interface AssumeRoleWithWebIdentityCall {
  readonly op: 'AssumeRoleWithWebIdentity';
  readonly roleArn: string;
  readonly roleSessionName: string;
  readonly token: OidcClaims;
  readonly durationSeconds?: number;
  readonly policy?: string;
}

export interface GetSessionTokenCall {
  readonly op: 'GetSessionToken';
  readonly durationSeconds?: number;
  readonly serialNumber?: string;
  readonly tokenCode?: string;
  readonly mfa?: boolean;
}

export interface GetFederationTokenCall {
  readonly op: 'GetFederationToken';
  readonly name: string;
  readonly durationSeconds?: number;
  readonly policy?: string;
  readonly policyArns?: readonly PolicyArn[];
  readonly tags?: readonly Tag[];
}

/** Centralized root access: a privileged session as a member account's root user. */
export interface AssumeRootCall {
  readonly op: 'AssumeRoot';
  /** The member account: its ID or `arn:aws:iam::ACCOUNT:root`. */
  readonly targetPrincipal: string;
  /** One of the AWS managed policies `arn:aws:iam::aws:policy/root-task/…`. */
  readonly taskPolicyArn: string;
  /** 0…900 seconds; 900 when omitted. */
  readonly durationSeconds?: number;
}

export interface GetCallerIdentityCall {
  readonly op: 'GetCallerIdentity';
}

/** The console's Switch Role form: account (ID or alias), role name, display name. */
export interface SwitchRoleCall {
  readonly op: 'SwitchRole';
  readonly account: string;
  readonly roleName: string;
  readonly displayName?: string;
}

/** Any other API call made with credentials, e.g. `s3:GetObject` on an object ARN. */
export interface ServiceCall {
  readonly op: 'Call';
  readonly action: string;
  readonly resource: string;
  /** Extra request context the call carries (e.g. `s3:prefix`). */
  readonly context?: Readonly<Record<string, string | readonly string[]>>;
}

export type StsCall =
  | AssumeRoleCall
  | AssumeRoleWithSamlCall
  | AssumeRoleWithWebIdentityCall
  | GetSessionTokenCall
  | GetFederationTokenCall
  | AssumeRootCall
  | GetCallerIdentityCall
  | SwitchRoleCall
  | ServiceCall;

export type StsOp = StsCall['op'];

/** AWS error codes the simulator produces. */
export type ErrorCode =
  | 'AccessDenied'
  | 'ValidationError'
  | 'ExpiredToken'
  | 'ExpiredTokenException'
  | 'InvalidClientTokenId'
  | 'InvalidIdentityToken'
  | 'IDPRejectedClaim'
  | 'MalformedPolicyDocument'
  | 'PackedPolicyTooLarge'
  | 'InvalidParameterValue'
  | 'NoSuchEntity'
  | 'NoSuchKey';

export interface AwsError {
  readonly code: ErrorCode;
  /** AWS's own wording where the docs give it (English only, as AWS prints it). */
  readonly message: string;
  /** The same for the learner, explained in their language. */
  readonly explanation: Localized;
}

/** `aws sts assume-role*` output. */
export interface AssumeRoleResponse {
  readonly Credentials: CliCredentials;
  readonly AssumedRoleUser: { readonly AssumedRoleId: string; readonly Arn: string };
  readonly PackedPolicySize?: number;
  readonly SourceIdentity?: string;
}

export interface CliCredentials {
  readonly AccessKeyId: string;
  readonly SecretAccessKey: string;
  readonly SessionToken: string;
  readonly Expiration: string;
}

export type StsResponse =
  | AssumeRoleResponse
  | { readonly Credentials: CliCredentials }
  | {
      readonly Credentials: CliCredentials;
      readonly FederatedUser: { readonly FederatedUserId: string; readonly Arn: string };
      readonly PackedPolicySize?: number;
    }
  | { readonly UserId: string; readonly Account: string; readonly Arn: string }
  | { readonly status: 'allowed'; readonly action: string; readonly resource: string };

/**
 * The steps of a call, in the order the stepper walks them. Each operation has only the
 * steps that apply to it (`stepsOf` in trace.ts): a service call has the resource's policy
 * and ends with the service's answer, an AssumeRole has the role's trust policy and ends
 * with the credentials issued.
 */
export type StepId =
  | 'requestValidation'
  | 'callerIdentity'
  | 'scps'
  | 'resourcePolicy'
  | 'trustPolicy'
  | 'rcps'
  | 'boundary'
  | 'session'
  | 'issueCredentials'
  | 'serviceResponse';

export type StepOutcome = 'pass' | 'fail' | 'skipped';

export interface TraceStep {
  readonly step: StepId;
  readonly outcome: StepOutcome;
  /** Why, as a short code: `duration-too-long`, `no-trust`, `expired`, … */
  readonly reason?: string;
  readonly detail?: Localized;
  /** Index into `authz.gates` of the engine gates this step shows. */
  readonly gates: readonly number[];
}

export interface CallTrace {
  readonly op: StsOp;
  /** Only the steps that apply to `op`, in order. */
  readonly steps: readonly TraceStep[];
  /** The step where the outcome was decided: the last one when the call succeeded. */
  readonly decidedAt: StepId;
  /** The engine's answer, when the call reached the engine. */
  readonly authz: AuthzResult | null;
  /** The request context that was built for the engine. */
  readonly context: Readonly<Record<string, string | readonly string[]>>;
  readonly principal: string;
}

export type CallOutcome =
  | {
      readonly ok: true;
      readonly response: StsResponse;
      readonly trace: CallTrace;
      /** Sessions this call created (zero or one); the caller appends them to its list. */
      readonly newSessions: readonly Session[];
    }
  | {
      readonly ok: false;
      readonly error: AwsError;
      /** AccessDenied that came from the engine: its decision. */
      readonly decision?: 'explicitDeny' | 'implicitDeny';
      readonly trace: CallTrace;
      readonly newSessions: readonly [];
    };

export type { Credentials };
