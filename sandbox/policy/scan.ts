// One pass over the policy text for everything that is counted rather than parsed: nesting
// depth (before the recursive parser runs), the size as IAM counts it, and characters IAM
// refuses. One loop instead of three keeps a maximum-size policy cheap to re-check per keystroke.
import { MAX_DEPTH } from './json.ts';

export interface TextScan {
  /** Offset of the first bracket opening level `MAX_DEPTH + 1`, or -1. */
  readonly tooDeepAt: number;
  /** Characters except white space between tokens (see size.ts). */
  readonly size: number;
  /** Offset of the first character outside tab, LF, CR and U+0020–U+00FF, or -1. */
  readonly badCharAt: number;
  readonly badChars: number;
}

export function scanText(text: string): TextScan {
  let depth = 0;
  let tooDeepAt = -1;
  let size = 0;
  let badCharAt = -1;
  let badChars = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff || (c < 0x20 && c !== 9 && c !== 10 && c !== 13)) {
      if (badCharAt < 0) badCharAt = i;
      badChars++;
    }
    if (inString) {
      size++;
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) inString = false;
    } else if (c === 34) {
      inString = true;
      size++;
    } else if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      size++;
      if (c === 123 || c === 91) {
        if (++depth > MAX_DEPTH && tooDeepAt < 0) tooDeepAt = i;
      } else if (c === 125 || c === 93) depth--;
    }
  }
  return { tooDeepAt, size, badCharAt, badChars };
}
