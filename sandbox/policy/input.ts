// parsePolicy's input as text, within bounds fixed before any real work: text longer than
// MAX_TEXT_LENGTH is refused after a length check alone, and an object is measured by a
// walk that stops as soon as it is too large, too deep or cyclic, so that no input (a
// 3,000-level object, a shared sub-object repeated 2^60 times) makes JSON.stringify or the
// scanners run long (V8 serialises a 3,000-level object in about 8 ms).
import { MAX_DEPTH } from './json.ts';

/**
 * Far above AWS's largest policy quota (10,240 characters for a role's inline policies,
 * reference_iam-quotas.html) and above any resource policy we know of, so that no real
 * policy is refused; low enough that a linear pass over it stays well under a millisecond.
 */
export const MAX_TEXT_LENGTH = 131_072;

export type PolicyText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: 'not-serialisable' | 'too-long' | 'too-deep' };

interface Size {
  /** Length of the compact JSON text (strings without escapes: a lower bound). */
  readonly compact: number;
  /** Length with two-space indentation, as `JSON.stringify(value, null, 2)`. */
  readonly indented: number;
}

function isContainer(v: unknown): v is object {
  return (
    typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== 'function'
  );
}

type Step =
  | { readonly value: unknown; readonly depth: number; readonly key: string | null }
  | { readonly leave: object };

/** The size of `value` as JSON; or why it will not be read, found as soon as it shows. */
function measure(value: unknown, budget: number): Size | 'cycle' | 'too-long' | 'too-deep' {
  let compact = 0;
  let indented = 0;
  const path = new Set<object>();
  const steps: Step[] = [{ value, depth: 0, key: null }];
  for (let step = steps.pop(); step !== undefined; step = steps.pop()) {
    if ('leave' in step) {
      path.delete(step.leave);
      continue;
    }
    const { value: v, depth, key } = step;
    let own = 4;
    let closing = 0;
    if (typeof v === 'string') own = v.length + 2;
    else if (isContainer(v)) {
      if (path.has(v)) return 'cycle';
      // As for text: a bracket opening level MAX_DEPTH + 1 is too deep.
      if (depth >= MAX_DEPTH) return 'too-deep';
      path.add(v);
      steps.push({ leave: v });
      own = 2;
      closing = 2 * depth + 1;
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--)
          steps.push({ value: v[i], depth: depth + 1, key: null });
      } else {
        const keys = Object.keys(v);
        for (let i = keys.length - 1; i >= 0; i--) {
          const k = keys[i] as string;
          steps.push({ value: (v as Record<string, unknown>)[k], depth: depth + 1, key: k });
        }
      }
    }
    // A member also costs its key and a comma; indented, a newline, its indentation and the
    // space after the colon.
    const member = own + (key === null ? 0 : key.length + 3) + (depth === 0 ? 0 : 1);
    compact += member;
    indented += member + closing + (depth === 0 ? 0 : 2 * depth + 1) + (key === null ? 0 : 1);
    if (compact > budget) return 'too-long';
  }
  return { compact, indented };
}

function stringify(value: unknown, indent: number): string | null {
  try {
    const text = JSON.stringify(value, null, indent) as string | undefined;
    return typeof text === 'string' ? text : null;
  } catch {
    // BigInt, a throwing getter or toJSON, or a stack exhausted by a toJSON chain.
    return null;
  }
}

/**
 * Text as given, or an object serialised with two-space indentation so that ranges point at
 * readable text; compactly when indentation alone would make it too long.
 */
export function policyText(input: unknown): PolicyText {
  if (typeof input === 'string') {
    return input.length > MAX_TEXT_LENGTH
      ? { ok: false, problem: 'too-long' }
      : { ok: true, text: input };
  }
  let size: ReturnType<typeof measure>;
  try {
    size = measure(input, MAX_TEXT_LENGTH);
  } catch {
    // A getter that throws, or a proxy.
    return { ok: false, problem: 'not-serialisable' };
  }
  if (size === 'cycle') return { ok: false, problem: 'not-serialisable' };
  if (typeof size === 'string') return { ok: false, problem: size };
  const pretty = size.indented <= MAX_TEXT_LENGTH;
  const text = stringify(input, pretty ? 2 : 0);
  if (text === null) return { ok: false, problem: 'not-serialisable' };
  return text.length > MAX_TEXT_LENGTH ? { ok: false, problem: 'too-long' } : { ok: true, text };
}
