// The typed form of an IAM policy document, as produced by `parsePolicy`. Every element
// keeps the JSON pointer and the text range it came from, so that findings and trace
// events can point back into the editor.

/** Which slot a policy fills; validation rules and size limits differ per kind. */
export type PolicyKind = 'identity' | 'trust' | 'resource' | 'scp' | 'rcp' | 'boundary' | 'session';

/** Access Analyzer's finding categories. */
export type Severity = 'error' | 'security-warning' | 'warning' | 'suggestion';

export interface Localized {
  readonly en: string;
  readonly ja: string;
}

/** UTF-16 offsets into the policy text, end exclusive (what Monaco's getPositionAt takes). */
export interface SourceRange {
  readonly start: number;
  readonly end: number;
}

/** 1-based line and column of a range's start, for messages and the CLI. */
export interface LineColumn {
  readonly line: number;
  readonly column: number;
}

export interface Finding {
  /** Stable kebab-case identifier, e.g. `invalid-principal`, `malformed-json`. */
  readonly code: string;
  readonly severity: Severity;
  /** One lowercase sentence, no final period, user input in backticks. */
  readonly message: Localized;
  /** JSON pointer into the document, `""` for the whole document. */
  readonly path: string;
  readonly range?: SourceRange;
  readonly position?: LineColumn;
}

/** A scalar from the document together with where it was written. */
export interface Located<T> {
  readonly value: T;
  readonly path: string;
  readonly range?: SourceRange;
}

export type PrincipalType = 'AWS' | 'Federated' | 'Service' | 'CanonicalUser';

export type PrincipalSpec =
  /** `"Principal": "*"` */
  | { readonly kind: 'wildcard'; readonly path: string; readonly range?: SourceRange }
  | {
      readonly kind: 'map';
      readonly entries: readonly {
        readonly type: PrincipalType;
        readonly value: Located<string>;
      }[];
      readonly path: string;
      readonly range?: SourceRange;
    };

export interface ConditionEntry {
  /** The operator as written, e.g. `ForAnyValue:StringLikeIfExists`. */
  readonly operator: Located<string>;
  /** The condition key as written (keys are compared case-insensitively). */
  readonly key: Located<string>;
  /** Values as strings: AWS compares JSON booleans and numbers in their string form. */
  readonly values: readonly Located<string>[];
  readonly path: string;
  readonly range?: SourceRange;
}

export interface Statement {
  /** Position in the `Statement` array (0 when `Statement` is a single object). */
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly principal?: PrincipalSpec;
  readonly notPrincipal?: PrincipalSpec;
  readonly action?: readonly Located<string>[];
  readonly notAction?: readonly Located<string>[];
  readonly resource?: readonly Located<string>[];
  readonly notResource?: readonly Located<string>[];
  readonly conditions: readonly ConditionEntry[];
  /** JSON pointer of the statement object, e.g. `/Statement/1`. */
  readonly path: string;
  readonly range?: SourceRange;
}

export interface PolicyDocument {
  /** `undefined` when the document has no Version (AWS then treats it as 2008-10-17). */
  readonly version?: '2012-10-17' | '2008-10-17';
  readonly id?: string;
  /** Only statements that are usable for evaluation; broken ones are reported as findings. */
  readonly statements: readonly Statement[];
}

export interface ParsedPolicy {
  /**
   * The document's identity, set by whoever loaded it (a scenario's document id, an eval
   * case's JSON pointer); every statement reference in a trace carries it.
   */
  readonly doc: string;
  /** A name that traces show: given by the caller, else derived from kind and position. */
  readonly name: string;
  readonly kind: PolicyKind;
  /** The text the ranges refer to (the caller's text, or JSON.stringify of an object input). */
  readonly text: string;
  /** `null` when the text is not a usable policy at all (malformed JSON, not an object). */
  readonly document: PolicyDocument | null;
  readonly findings: readonly Finding[];
  /** True when some finding has severity `error`: AWS would reject this policy. */
  readonly hasErrors: boolean;
}
