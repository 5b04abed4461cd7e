// parsePolicy: text (or an object) → typed document + findings. Never throws on user input.
import { M } from './messages.ts';
import { MAX_DEPTH, findTooDeep, parseJson, type JsonTree } from './json.ts';
import { MAX_TEXT_LENGTH, policyText } from './input.ts';
import { createReporter, type Reporter } from './report.ts';
import { scanText, type TextScan } from './scan.ts';
import { DEFAULT_SIZE_LIMITS } from './size.ts';
import { parseStrictJson } from './strict-json.ts';
import { buildDocument } from './structure.ts';
import type { Finding, ParsedPolicy, PolicyDocument, PolicyKind } from './types.ts';
import { checkSecurity } from './validate-security.ts';
import { valueTree } from './value-tree.ts';

export interface ParseOptions {
  readonly kind: PolicyKind;
  /** Shown in traces; defaults to the kind. */
  readonly name?: string;
  /**
   * The document's identity in the caller's store (a scenario's document id, an eval case's
   * JSON pointer); traces carry it on every statement. Defaults to the name, for callers that
   * hold one policy per name.
   */
  readonly doc?: string;
  /** The account the policy lives in, when known (reserved for same-account checks). */
  readonly ownAccount?: string;
  /** Accounts of third parties: trusting them without `sts:ExternalId` is a security warning. */
  readonly thirdPartyAccounts?: readonly string[];
  /**
   * Size limit in characters (white space not counted); `null` for none. Defaults to
   * `DEFAULT_SIZE_LIMITS[kind]`; pass `POLICY_SIZE_LIMITS.managed` for a managed policy or
   * a raised trust-policy quota.
   */
  readonly sizeLimit?: number | null;
}

/**
 * "Policy documents can contain only … tab, linefeed, carriage return, and characters in the
 * range U+0020 to U+00FF" (reference_iam-quotas.html).
 */
function reportCharacters(rep: Reporter, textOf: () => string, scan: TextScan): void {
  if (scan.badCharAt < 0) return;
  const point = textOf().codePointAt(scan.badCharAt) ?? 0;
  const char = String.fromCodePoint(point);
  rep.add('invalid-character', 'error', M.invalidCharacter(char, point, scan.badChars), '', {
    start: scan.badCharAt,
    end: scan.badCharAt + char.length,
  });
}

/** For text that does not parse: its counts are never reported. */
const NOT_SCANNED: TextScan = { tooDeepAt: -1, size: 0, badCharAt: -1, badChars: 0 };

export function parsePolicy(input: unknown, options: ParseOptions): ParsedPolicy {
  const kind = options.kind;
  const name = options.name ?? kind;
  const doc = options.doc ?? name;
  // A JSON value (an eval case's policy) is read as it is, not written out and parsed again.
  const value = typeof input === 'string' ? null : valueTree(input);
  const given = value === null ? policyText(input) : null;
  if (given !== null && !given.ok) {
    const rep = createReporter('');
    if (given.problem === 'too-long')
      rep.add('policy-size-exceeded', 'error', M.textTooLong(MAX_TEXT_LENGTH), '');
    else if (given.problem === 'too-deep')
      rep.add('nesting-too-deep', 'error', M.tooDeep(MAX_DEPTH), '');
    else rep.add('not-an-object', 'error', M.notSerialisable(), '');
    // Text as given, so that an editor keeps it; an object's text was never made.
    const text = typeof input === 'string' ? input : '';
    return { doc, name, kind, text, document: null, findings: rep.finish(), hasErrors: true };
  }
  // The text findings point into: the caller's, or the value's JSON text, made only when
  // something asks for it (a finding's line and column, a number's literal, `text`).
  let made = given?.text ?? null;
  const textOf = (): string => (made ??= JSON.stringify(input, null, 2));
  const rep = createReporter(textOf);
  let scan: TextScan;
  let tree: JsonTree;
  if (value !== null) {
    scan = value.scan;
    tree = { ok: true, root: value.root };
  } else {
    const text = textOf();
    // Valid strict JSON, the usual case, is parsed and counted in one pass; anything else
    // takes the slow path, which also words the syntax errors.
    const fast = parseStrictJson(text);
    if (fast.ok) {
      scan = fast.scan;
      tree = { ok: true, root: fast.root };
    } else if (fast.tooDeepAt >= 0) {
      scan = NOT_SCANNED;
      tree = { ok: false, tooDeepAt: fast.tooDeepAt, errors: [] };
    } else {
      // Counting is wasted on text that does not parse: only the depth is needed first.
      tree = parseJson(text, findTooDeep(text));
      scan = tree.ok ? scanText(text) : NOT_SCANNED;
    }
  }
  if (!tree.ok) {
    if (tree.tooDeepAt >= 0) {
      rep.add('nesting-too-deep', 'error', M.tooDeep(MAX_DEPTH), '', {
        start: tree.tooDeepAt,
        end: tree.tooDeepAt + 1,
      });
    }
    // Only the first few: after one syntax error the rest are mostly its echoes.
    for (const e of tree.errors.slice(0, 3)) {
      const at = rep.locate(e.offset);
      const range = { start: e.offset, end: e.offset + Math.max(e.length, 1) };
      rep.add('malformed-json', 'error', M.malformedJson(e.error, at.line, at.column), '', range);
    }
    return {
      doc,
      name,
      kind,
      text: textOf(),
      document: null,
      findings: rep.finish(),
      hasErrors: true,
    };
  }
  reportCharacters(rep, textOf, scan);
  const document = buildDocument({ rep, kind, textOf, variableValues: [] }, tree.root);
  if (document !== null) {
    checkSecurity(rep, document.statements, {
      kind,
      thirdPartyAccounts: options.thirdPartyAccounts ?? [],
    });
    const limit = options.sizeLimit === undefined ? DEFAULT_SIZE_LIMITS[kind] : options.sizeLimit;
    if (limit !== null && scan.size > limit) {
      rep.add('policy-size-exceeded', 'error', M.sizeExceeded(scan.size, limit, kind), '');
    }
  }
  const findings = rep.finish();
  return made !== null
    ? { doc, name, kind, text: made, document, findings, hasErrors: rep.hasError() }
    : new LazyTextPolicy(doc, name, kind, textOf, document, findings, rep.hasError());
}

/**
 * A policy read from a JSON value, whose text is written out only when something reads it.
 * A class with the getter on its prototype rather than an object literal with a getter: V8
 * gives each such literal its own accessor, and on an eval batch that kept every policy
 * alive past the young generation (measured: parsing cost half as much again, in the GC).
 */
class LazyTextPolicy implements ParsedPolicy {
  readonly doc: string;
  readonly name: string;
  readonly kind: PolicyKind;
  readonly document: PolicyDocument | null;
  readonly findings: readonly Finding[];
  readonly hasErrors: boolean;
  readonly #textOf: () => string;

  constructor(
    doc: string,
    name: string,
    kind: PolicyKind,
    textOf: () => string,
    document: PolicyDocument | null,
    findings: readonly Finding[],
    hasErrors: boolean,
  ) {
    this.doc = doc;
    this.name = name;
    this.kind = kind;
    this.document = document;
    this.findings = findings;
    this.hasErrors = hasErrors;
    this.#textOf = textOf;
  }

  get text(): string {
    return this.#textOf();
  }
}
