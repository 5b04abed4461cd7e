// The access map of a world: who can reach which role and do what to which bucket, by which
// chain of hops, and what each hop needs from the caller (MFA, an ExternalId, a claim…).
// Plain data, so that a Web Worker can post it and the CLI can print it as JSON.
import type { ContextValue, GateId, GateOutcome, Side } from '../engine/types.ts';
import type { Localized } from '../policy/types.ts';
import type { OidcClaims, SamlAssertion } from '../sts/types.ts';

/** Who can act: every user, every role (through its sessions), every IdP, outsiders, anyone. */
export type SubjectKind = 'user' | 'role' | 'saml' | 'oidc' | 'external' | 'anyone';

export interface Subject {
  /** Stable key: `user:ARN`, `role:ARN`, `saml:ARN`, `oidc:ARN-or-host`, `external:ARN`, `anyone`. */
  readonly id: string;
  readonly kind: SubjectKind;
  /** The ARN the engine sees as the principal (the provider for an IdP). */
  readonly arn: string;
  /** The account it belongs to; `null` for anyone and for web-identity hosts. */
  readonly account: string | null;
  /** Short name for sentences: `bob`, `Deploy`, `CorpIdP`, `vendor (444455556666)`. */
  readonly name: string;
  /** The account's alias when the world knows the account. */
  readonly accountAlias?: string;
  /**
   * Can sign in with MFA when a path asks for it: an IAM user with an MFA device, or an
   * outsider (whose own users may have one). MFA in the first credentials carries into the
   * role sessions that follow, so later hops may ask for it too.
   */
  readonly mfa: boolean;
  /** For one person of an IdP (an assertion or token the scenario uses): the IdP's name. */
  readonly via?: string;
}

/**
 * One person an IdP signs in, as a scenario's SAML assertion or OIDC token describes them:
 * they reach what their own claims open, and nothing their claims do not.
 */
export type FederatedIdentity =
  | { readonly protocol: 'saml'; readonly provider: string; readonly assertion: SamlAssertion }
  | { readonly protocol: 'oidc'; readonly token: OidcClaims };

/** The bucket actions the map checks, each as one S3 action on the bucket or an object. */
export type BucketAction = 'read' | 'write' | 'list' | 'delete';

export type Target =
  | { readonly kind: 'role'; readonly arn: string; readonly name: string; readonly account: string }
  | {
      readonly kind: 'bucket';
      readonly bucket: string;
      readonly action: BucketAction;
      readonly account: string;
    };

/** What the caller must bring for a hop, found by trying the values the policies mention. */
export type RequirementKind =
  | 'mfa'
  | 'external-id'
  | 'source-ip'
  | 'session-tag'
  | 'session-name'
  | 'source-identity'
  | 'claim';

export interface Requirement {
  readonly kind: RequirementKind;
  /** The condition key, as the policy writes it (`sts:ExternalId`, `saml:edupersonaffiliation`). */
  readonly key: string;
  /** The value that was sent and let the hop through. */
  readonly value: ContextValue;
  /**
   * `match`: a value the policy names (or its pattern). `other`: any value the policies do
   * not name (a `StringNotEquals` or `NotIpAddress` let it through).
   */
  readonly how: 'match' | 'other';
  /** The policy value it came from (a CIDR, a pattern); absent for `other` and MFA. */
  readonly policyValue?: string;
}

/** One gate of the engine's evaluation of a hop, reduced to what the paths view shows. */
export interface GateStep {
  readonly gate: GateId;
  readonly side: Side;
  readonly outcome: GateOutcome;
  /** `policy#/Statement/N` of the statements that decided the gate, for reading. */
  readonly deciding: readonly string[];
  /** The same statements by document id and JSON pointer, for an editor to highlight. */
  readonly statements: readonly { readonly doc: string; readonly path: string }[];
}

export interface Hop {
  /** Subject id of the caller (a role's sessions for every hop after the first). */
  readonly from: string;
  readonly to: Target;
  /** `sts:AssumeRole`, `sts:AssumeRoleWithSAML`, `s3:GetObject`, … */
  readonly action: string;
  readonly requirements: readonly Requirement[];
  readonly gates: readonly GateStep[];
  /**
   * What the role session this hop makes carries into later calls: the source identity it
   * set or inherited, the session tag it asked for.
   */
  readonly session?: {
    readonly sourceIdentity?: string;
    readonly tag?: { readonly key: string; readonly value: string };
  };
}

/** A hop the policies name the caller for, that no value the policies mention lets through. */
export interface BlockedHop {
  readonly from: string;
  readonly to: Target;
  readonly action: string;
  /** The first gate that stopped it with no requirement met, and why. */
  readonly gate: GateId | 'request';
  readonly side: Side | null;
  /** The engine's `DecisionReason`, or STS's error code when STS refused before any policy. */
  readonly reason: string;
  readonly summary: Localized;
  /** Controllable keys that were tried, to say "no value of these helps". */
  readonly tried: readonly string[];
}

export interface Route {
  readonly hops: readonly Hop[];
  /** Every hop's requirements together (each key once). */
  readonly requirements: readonly Requirement[];
}

export interface Reach {
  readonly target: Target;
  /** The routes with the fewest requirements, one per distinct requirement set. */
  readonly routes: readonly Route[];
}

export interface SubjectAccess {
  readonly subject: Subject;
  readonly roles: readonly Reach[];
  readonly buckets: readonly Reach[];
}

export interface AccessMap {
  readonly subjects: readonly SubjectAccess[];
  /** Every hop that works, for the paths view and the diagram. */
  readonly hops: readonly Hop[];
  /** Hops the policies name the caller for but that no requirement opens. */
  readonly blocked: readonly BlockedHop[];
}

export interface AccessOptions {
  /** Milliseconds since the epoch on the simulated clock (a scenario's `clockStart`). */
  readonly now: number;
  /** Longest chain followed, in hops. */
  readonly maxHops?: number;
  /** People the IdPs sign in (`scenarioIdentities`), besides each IdP's "any of its users". */
  readonly identities?: readonly FederatedIdentity[];
}
