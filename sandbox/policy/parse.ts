// parsePolicy: text (or an object) → typed document + findings. Never throws on user input.
import { M } from './messages.ts';
import { MAX_DEPTH, parseJson } from './json.ts';
import { lineStarts, locateIn } from './locate.ts';
import { createReporter, type Reporter } from './report.ts';
import { scanText, type TextScan } from './scan.ts';
import { DEFAULT_SIZE_LIMITS } from './size.ts';
import { buildDocument } from './structure.ts';
import type { ParsedPolicy, PolicyKind } from './types.ts';
import { checkSecurity } from './validate-security.ts';

export interface ParseOptions {
  readonly kind: PolicyKind;
  /** Shown in traces; defaults to the kind. */
  readonly name?: string;
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

/** Serialises an object input so that ranges still point at text; `null` when impossible. */
function textOf(input: unknown): string | null {
  if (typeof input === 'string') return input;
  try {
    const text = JSON.stringify(input, null, 2) as string | undefined;
    return typeof text === 'string' ? text : null;
  } catch {
    // Cycles, BigInt, or nesting deep enough to exhaust the stack.
    return null;
  }
}

/**
 * "Policy documents can contain only … tab, linefeed, carriage return, and characters in the
 * range U+0020 to U+00FF" (reference_iam-quotas.html).
 */
function reportCharacters(rep: Reporter, text: string, scan: TextScan): void {
  if (scan.badCharAt < 0) return;
  const point = text.codePointAt(scan.badCharAt) ?? 0;
  const char = String.fromCodePoint(point);
  rep.add('invalid-character', 'error', M.invalidCharacter(char, point, scan.badChars), '', {
    start: scan.badCharAt,
    end: scan.badCharAt + char.length,
  });
}

export function parsePolicy(input: unknown, options: ParseOptions): ParsedPolicy {
  const kind = options.kind;
  const name = options.name ?? kind;
  const text = textOf(input);
  if (text === null) {
    const rep = createReporter('');
    rep.add('not-an-object', 'error', M.notSerialisable(), '');
    return { name, kind, text: '', document: null, findings: rep.finish(), hasErrors: true };
  }
  const rep = createReporter(text);
  const scan = scanText(text);
  const tree = parseJson(text, scan.tooDeepAt);
  if (!tree.ok) {
    if (tree.tooDeepAt >= 0) {
      rep.add('nesting-too-deep', 'error', M.tooDeep(MAX_DEPTH), '', {
        start: tree.tooDeepAt,
        end: tree.tooDeepAt + 1,
      });
    }
    const starts = lineStarts(text);
    // Only the first few: after one syntax error the rest are mostly its echoes.
    for (const e of tree.errors.slice(0, 3)) {
      const at = locateIn(starts, e.offset);
      const range = { start: e.offset, end: e.offset + Math.max(e.length, 1) };
      rep.add('malformed-json', 'error', M.malformedJson(e.error, at.line, at.column), '', range);
    }
    return { name, kind, text, document: null, findings: rep.finish(), hasErrors: true };
  }
  reportCharacters(rep, text, scan);
  const document = buildDocument({ rep, kind, text, variableValues: [] }, tree.root);
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
  return { name, kind, text, document, findings: rep.finish(), hasErrors: rep.hasError() };
}
