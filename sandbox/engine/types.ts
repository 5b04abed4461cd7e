// The authorizer's input and its result. The result is the trace: gates, policies,
// statements and conditions as data, so that the CLI, the explain renderer and the UI's
// state machines can each show it their own way.
import type {
  Finding,
  Localized,
  Located,
  ParsedPolicy,
  PolicyKind,
  SourceRange,
} from '../policy/types.ts';

/** One request context value; arrays are multi-valued keys (aws:TagKeys, …:amr). */
export type ContextValue = string | readonly string[];

export interface AuthzRequest {
  /** ARN of the caller, an IdP (SAML/OIDC provider ARN or host), a service principal, or `anonymous`. */
  readonly principal: string;
  /** `service:Action`, e.g. `sts:AssumeRole`. */
  readonly action: string;
  /** Resource ARN, or `*` for actions without a resource. */
  readonly resource: string;
  /** Needed when the resource ARN carries no account (S3). */
  readonly resourceAccount?: string;
  /** Request context keys as AWS would send them (key case as given; matched case-insensitively). */
  readonly context: Readonly<Record<string, ContextValue>>;
}

export interface AuthzInput {
  readonly request: AuthzRequest;
  /** The caller's identity-based policies (user + its groups, or the role's for a session). */
  readonly identityPolicies: readonly ParsedPolicy[];
  /** Resource-based policy; for `sts:AssumeRole*` the role's trust policy. */
  readonly resourcePolicy: ParsedPolicy | null;
  /** SCPs, one array per level of the OU path, root first; `[]` = no SCPs apply. */
  readonly scps: readonly (readonly ParsedPolicy[])[];
  /** RCPs, same shape as `scps`. */
  readonly rcps: readonly (readonly ParsedPolicy[])[];
  readonly permissionBoundary: ParsedPolicy | null;
  readonly sessionPolicy: ParsedPolicy | null;
}

export type Decision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** The evaluation gates, in AWS's order. */
export type GateId = 'scp' | 'rcp' | 'resource' | 'identity' | 'boundary' | 'session';

/** Which account's evaluation a gate belongs to; `single` when caller and resource share one. */
export type Side = 'caller' | 'resource' | 'single';

export type GateOutcome = 'allow' | 'explicitDeny' | 'implicitDeny' | 'notApplicable';

export interface StatementRef {
  /**
   * The document this statement was read from, set where the policy was loaded (a scenario's
   * document id such as `policies/dev-trust.json`, an eval case's JSON pointer): the editor
   * holding that document highlights by it, so no display name is ever parsed back.
   */
  readonly doc: string;
  /** The name traces show (`trust:Deploy`, `bucket:dev-app-data`, …). */
  readonly policy: string;
  readonly policyKind: PolicyKind;
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly path: string;
  readonly range?: SourceRange;
}

/** How a `Principal` entry named the caller (decides which implicit denies still apply). */
export type PrincipalMatchKind =
  | 'wildcard'
  | 'account'
  | 'user'
  | 'role'
  | 'session'
  | 'federated-user'
  | 'federated'
  | 'service'
  | 'canonical-user';

/**
 * Why an element matched or not, with what was compared. `matched` says whether the element
 * lets the statement apply: for `NotAction`/`NotResource`/`NotPrincipal` that means the
 * request value is *not* listed (then `matchedValue` is absent; when it is listed,
 * `matchedValue` is the entry that excluded it).
 */
export interface MatchTrace {
  readonly element:
    'Action' | 'NotAction' | 'Resource' | 'NotResource' | 'Principal' | 'NotPrincipal';
  readonly matched: boolean;
  /** The request value compared (action, resource ARN, principal). */
  readonly requestValue: string;
  /** The policy value that matched, when one did. */
  readonly matchedValue?: string;
  /**
   * When the element kept the statement from applying because no entry matched
   * (`Action`/`Resource`/`Principal`): the entries it lists, to show against `requestValue`.
   * The parsed list itself, not a copy, so recording it costs nothing on the hot path.
   */
  readonly listed?: readonly Located<string>[];
  /** For `Principal`: how the matching entry named the caller. */
  readonly principalMatch?: PrincipalMatchKind;
  readonly path: string;
  readonly range?: SourceRange;
}

export interface ConditionTrace {
  readonly operator: string;
  readonly key: string;
  /** Policy values after policy-variable substitution. */
  readonly policyValues: readonly string[];
  /** Request values for the key; `null` when the key is absent from the request context. */
  readonly requestValues: readonly string[] | null;
  readonly result: boolean;
  /** Why, for the unusual cases: `key-missing-ifexists`, `key-missing`, `unparsable-value`, … */
  readonly note?: string;
  readonly path: string;
  readonly range?: SourceRange;
}

export interface StatementTrace {
  readonly ref: StatementRef;
  /** True when action, resource, principal and every condition matched. */
  readonly applies: boolean;
  readonly matches: readonly MatchTrace[];
  readonly conditions: readonly ConditionTrace[];
}

export interface PolicyTrace {
  /** The document id (see `StatementRef.doc`). */
  readonly doc: string;
  readonly policy: string;
  readonly kind: PolicyKind;
  readonly statements: readonly StatementTrace[];
  /** The policy was rejected (errors) and skipped, as AWS would never have stored it. */
  readonly skipped?: boolean;
}

export interface GateResult {
  readonly gate: GateId;
  readonly side: Side;
  readonly outcome: GateOutcome;
  readonly policies: readonly PolicyTrace[];
  /** Statements that decided this gate (the Deny that matched, the Allows that allowed). */
  readonly deciding: readonly StatementRef[];
  /** Short reason code for the outcome, e.g. `no-allow-at-level-ou`, `resource-names-session`. */
  readonly reason?: string;
}

/** Why the final decision came out as it did; `summary` is this code rendered. */
export type DecisionReason =
  | 'undeniable-action'
  | 'explicit-deny'
  | 'scp-no-allow'
  | 'rcp-no-allow'
  | 'trust-does-not-allow'
  | 'resource-does-not-allow'
  | 'identity-does-not-allow'
  | 'boundary-does-not-allow'
  | 'session-does-not-allow'
  | 'federated-user-without-session-policy'
  | 'key-policy-does-not-allow'
  | 'credentials-cannot-call'
  | 'refused-by-aws'
  | 'no-allow'
  | 'allowed-by-resource'
  | 'allowed-by-resource-naming-caller'
  | 'allowed-by-resource-naming-role'
  | 'allowed-by-identity'
  | 'allowed-cross-account'
  | 'internal-error';

export interface AuthzResult {
  readonly decision: Decision;
  readonly reason?: DecisionReason;
  readonly crossAccount: boolean;
  readonly principalAccount: string | null;
  readonly resourceAccount: string | null;
  readonly gates: readonly GateResult[];
  /** The statements that decided the final outcome (empty for a plain implicit deny). */
  readonly deciding: readonly StatementRef[];
  /** One sentence for the learner on why the decision came out as it did. */
  readonly summary: Localized;
  /** Findings of policies that could not be used (AWS would have rejected them). */
  readonly errors: readonly Finding[];
  /**
   * A request AWS turns down whatever the policies say (`credentials-cannot-call`,
   * `refused-by-aws`): which rule, and the page that states it.
   */
  readonly refusal?: Refusal;
}

/** A rule that denies a request before, and regardless of, any Allow. */
export interface Refusal {
  /** Kebab-case rule id, e.g. `aws-managed-policy-is-read-only`. */
  readonly rule: string;
  /** The AWS page that states the rule. */
  readonly source: string;
}
