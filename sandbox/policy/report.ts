// Collects findings with their line/column, capped so that a 10,000-element array of bad
// values yields a readable list, not a flood.
import { locator } from './locate.ts';
import { M } from './messages.ts';
import type { Finding, LineColumn, Localized, Severity, SourceRange } from './types.ts';
import type { Node } from 'jsonc-parser';

export const MAX_FINDINGS = 200;

export interface Reporter {
  add(
    code: string,
    severity: Severity,
    message: Localized,
    path: string,
    range?: SourceRange,
  ): void;
  /** Findings so far, sorted by position (findings without a range last), capped. */
  finish(): Finding[];
  hasError(): boolean;
  /** Line and column of an offset in the reporter's text. */
  locate(offset: number): LineColumn;
}

export function rangeOf(node: Node): SourceRange {
  return { start: node.offset, end: node.offset + node.length };
}

/** `text` may be a function that makes it: only findings with a range need it. */
export function createReporter(text: string | (() => string)): Reporter {
  let located: ((offset: number) => LineColumn) | null = null;
  const locate = (offset: number): LineColumn =>
    (located ??= locator(typeof text === 'string' ? text : text()))(offset);
  const findings: Finding[] = [];
  let dropped = 0;
  let errors = 0;
  return {
    add(code, severity, message, path, range) {
      if (severity === 'error') errors++;
      if (findings.length >= MAX_FINDINGS) {
        dropped++;
        return;
      }
      if (range === undefined) {
        findings.push({ code, severity, message, path });
        return;
      }
      findings.push({ code, severity, message, path, range, position: locate(range.start) });
    },
    finish() {
      const sorted = findings
        .map((f, i) => ({ f, i }))
        .sort((a, b) => {
          const sa = a.f.range?.start ?? Number.MAX_SAFE_INTEGER;
          const sb = b.f.range?.start ?? Number.MAX_SAFE_INTEGER;
          return sa - sb || a.i - b.i;
        })
        .map((x) => x.f);
      if (dropped > 0) {
        sorted.push({
          code: 'too-many-findings',
          severity: 'suggestion',
          message: M.tooManyFindings(MAX_FINDINGS),
          path: '',
        });
      }
      return sorted;
    },
    hasError() {
      return errors > 0;
    },
    locate,
  };
}
