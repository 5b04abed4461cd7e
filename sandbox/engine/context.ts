// Request context lookup. Condition key names are case-insensitive (`aws:SourceIP` is
// `AWS:sourceip`), so the context is indexed once per request by lowercase key.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
import type { ContextValue } from './types.ts';

export type ContextIndex = ReadonlyMap<string, ContextValue>;

export function indexContext(context: Readonly<Record<string, ContextValue>>): ContextIndex {
  const index = new Map<string, ContextValue>();
  // Object.keys never yields inherited names, so a `__proto__` key is just a key.
  for (const key of Object.keys(context)) {
    const value = context[key];
    if (typeof value === 'string') index.set(key.toLowerCase(), value);
    else if (Array.isArray(value)) {
      const strings = (value as readonly unknown[]).filter(
        (v): v is string => typeof v === 'string',
      );
      index.set(key.toLowerCase(), strings);
    }
  }
  return index;
}

/** The key's values as a list, or `null` when the request does not carry the key. */
export function contextValues(index: ContextIndex, key: string): readonly string[] | null {
  const value = index.get(key.toLowerCase());
  if (value === undefined) return null;
  return typeof value === 'string' ? [value] : value;
}
