// JSON syntax highlighting as a tree of spans, used for the read-only policy view both at
// build time and after edits. jsonc-parser's scanner is the same tokenizer the policy
// parser relies on, so broken JSON still highlights up to the break and then as plain text.
import { createScanner } from 'jsonc-parser';
import { el, type Node } from '../dom/tree.ts';

// jsonc-parser's SyntaxKind is an ambient const enum, which isolated modules cannot read;
// these are its documented values.
const K = {
  OpenBraceToken: 1,
  CloseBraceToken: 2,
  OpenBracketToken: 3,
  CloseBracketToken: 4,
  CommaToken: 5,
  ColonToken: 6,
  NullKeyword: 7,
  TrueKeyword: 8,
  FalseKeyword: 9,
  StringLiteral: 10,
  NumericLiteral: 11,
  LineBreakTrivia: 14,
  Trivia: 15,
  EOF: 17,
} as const;

export type TokenClass = 'key' | 'string' | 'number' | 'literal' | 'punct' | 'plain';

export interface Token {
  readonly text: string;
  readonly cls: TokenClass;
  readonly offset: number;
}

export function tokenizeJson(text: string): Token[] {
  const scanner = createScanner(text, false);
  const raw: { kind: number; offset: number; length: number }[] = [];
  for (let kind: number = scanner.scan(); kind !== K.EOF; kind = scanner.scan()) {
    raw.push({ kind, offset: scanner.getTokenOffset(), length: scanner.getTokenLength() });
  }
  const tokens: Token[] = [];
  raw.forEach((t, i) => {
    const slice = text.slice(t.offset, t.offset + t.length);
    tokens.push({ text: slice, cls: classify(raw, i), offset: t.offset });
  });
  return tokens;
}

function classify(raw: readonly { kind: number }[], i: number): TokenClass {
  const kind = raw[i]?.kind;
  switch (kind) {
    case K.StringLiteral: {
      // A string is a key when the next meaningful token is a colon.
      for (let j = i + 1; j < raw.length; j++) {
        const next = raw[j]?.kind;
        if (next === K.Trivia || next === K.LineBreakTrivia) continue;
        return next === K.ColonToken ? 'key' : 'string';
      }
      return 'string';
    }
    case K.NumericLiteral:
      return 'number';
    case K.TrueKeyword:
    case K.FalseKeyword:
    case K.NullKeyword:
      return 'literal';
    case K.OpenBraceToken:
    case K.CloseBraceToken:
    case K.OpenBracketToken:
    case K.CloseBracketToken:
    case K.ColonToken:
    case K.CommaToken:
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
