// Reads a file of request cases: strict JSON (with line and column on error), an array, and
// each case of the documented shape. Documentation fields (`expect`, `source`, `note`,
// `description`, …) are allowed and ignored.
// A file of valid cases, the usual input, takes the fast path (./fast-cases.ts); anything
// else this one, which words the problem.
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { z } from 'zod';
import { findTooDeep } from '../policy/json.ts';
import { fastCases } from './fast-cases.ts';
import { caseSchema, type EvalCase } from './schema.ts';

export type ParseCasesResult =
  | { readonly ok: true; readonly cases: readonly EvalCase[] }
  | { readonly ok: false; readonly message: string };

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function describeIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? 'the case' : out;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part))
      return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function issueMessage(issue: z.core.$ZodIssue, raw: unknown): string {
  const where = describeIssuePath(issue.path);
  if (issue.code === 'invalid_type') {
    const input = valueAt(raw, issue.path);
    const expected = String(issue.expected);
    return input === undefined
      ? `${where} is missing`
      : `${where} must be ${expected === 'object' ? 'an object' : `a ${expected}`}`;
  }
  if (issue.code === 'too_small') return `${where} must not be empty`;
  if (issue.code === 'invalid_union') return `${where} has the wrong type`;
  return `${where}: ${issue.message.toLowerCase()}`;
}

// jsonc-parser recurses once per nesting level: deeper input would exhaust the stack.
const MAX_NESTING = 512;

export function parseEvalCasesText(text: string): ParseCasesResult {
  const fast = fastCases(text);
  if (fast !== null) return { ok: true, cases: fast };
  const deep = findTooDeep(text, MAX_NESTING);
  if (deep >= 0) {
    const { line, column } = lineColumn(text, deep);
    return {
      ok: false,
      message: `invalid JSON at line ${line}, column ${column}: nesting deeper than ${MAX_NESTING} levels`,
    };
  }
  const errors: ParseError[] = [];
  const data: unknown = parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const first = errors[0];
  if (first !== undefined) {
    const { line, column } = lineColumn(text, first.offset);
    return {
      ok: false,
      message: `invalid JSON at line ${line}, column ${column}: ${printParseErrorCode(first.error)}`,
    };
  }
  if (!Array.isArray(data))
    return { ok: false, message: 'the file must hold a JSON array of cases' };
  const cases: EvalCase[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < data.length; i++) {
    const raw: unknown = data[i];
    const id =
      typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string'
        ? raw.id
        : null;
    const label = id === null ? `case ${i + 1}` : `case ${i + 1} (id "${id}")`;
    const parsed = caseSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return {
        ok: false,
        message: `${label}: ${issue === undefined ? 'invalid case' : issueMessage(issue, raw)}`,
      };
    }
    if (ids.has(parsed.data.id))
      return { ok: false, message: `${label}: the id is used by an earlier case` };
    ids.add(parsed.data.id);
    cases.push(parsed.data);
  }
  return { ok: true, cases };
}
