// JSON syntax highlighting as a tree of spans, used for the read-only policy view both at
// build time and after edits. jsonc-parser's scanner is the same tokenizer the policy
// parser relies on, so broken JSON still highlights up to the break and then as plain text.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { el, type Node } from '../dom/tree.ts';

export type TokenClass = 'key' | 'string' | 'number' | 'literal' | 'punct' | 'plain';

export interface Token {
  readonly text: string;
  readonly cls: TokenClass;
  readonly offset: number;
}

export function tokenizeJson(text: string): Token[] {
  const scanner = createScanner(text, false);
  const raw: { kind: SyntaxKind; offset: number; length: number }[] = [];
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    raw.push({ kind, offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
  }
  const tokens: Token[] = [];
  raw.forEach((t, i) => {
    const slice = text.slice(t.offset, t.offset + t.length);
    tokens.push({ text: slice, cls: classify(raw, i), offset: t.offset });
  });
  return tokens;
}

function classify(raw: readonly { kind: SyntaxKind }[], i: number): TokenClass {
  const kind = raw[i]?.kind;
  switch (kind) {
    case SyntaxKind.StringLiteral: {
      // A string is a key when the next meaningful token is a colon.
      for (let j = i + 1; j < raw.length; j++) {
        const next = raw[j]?.kind;
        if (next === SyntaxKind.Trivia || next === SyntaxKind.LineBreakTrivia) continue;
        return next === SyntaxKind.ColonToken ? 'key' : 'string';
      }
      return 'string';
    }
    case SyntaxKind.NumericLiteral:
      return 'number';
    case SyntaxKind.TrueKeyword:
    case SyntaxKind.FalseKeyword:
    case SyntaxKind.NullKeyword:
      return 'literal';
    case SyntaxKind.OpenBraceToken:
    case SyntaxKind.CloseBraceToken:
    case SyntaxKind.OpenBracketToken:
    case SyntaxKind.CloseBracketToken:
    case SyntaxKind.ColonToken:
    case SyntaxKind.CommaToken:
      return 'punct';
    default:
      return 'plain';
  }
}

/** Spans for a `<code>` element; `mark` wraps the characters of one range (the deciding statement). */
export function highlightJson(text: string, mark?: { start: number; end: number }): Node[] {
  const tokens = tokenizeJson(text);
  if (mark === undefined) return tokens.map(tokenNode);
  const before: Node[] = [];
  const inside: Node[] = [];
  const after: Node[] = [];
  for (const t of tokens) {
    const node = tokenNode(t);
    if (t.offset + t.text.length <= mark.start) before.push(node);
    else if (t.offset >= mark.end) after.push(node);
    else inside.push(node);
  }
  return [...before, el('mark', { class: 'j-deciding' }, ...inside), ...after];
}

function tokenNode(t: Token): Node {
  return t.cls === 'plain' ? t.text : el('span', { class: `j-${t.cls}` }, t.text);
}
