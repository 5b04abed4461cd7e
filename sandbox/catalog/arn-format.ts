// Could a policy's resource ARN name a resource of a given type? The type's ARN format
// (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`) and the policy's ARN
// (`arn:aws:s3:::reports/*`) are both patterns; the answer is whether some ARN matches both.
// Only the service and the resource part are compared: region and account fields have their
// own checks, and a wrong one there is a different mistake.

/** Pattern tokens: a UTF-16 code, or one of these classes. */
const ONE = -1;
const ANY = -2;
/** A format variable that cannot hold `/` (a bucket name, a function name). */
const ONE_NO_SLASH = -3;
const ANY_NO_SLASH = -4;
const SLASH = 47;

/**
 * Format variables whose values can never hold `/`; any other may. The catalog names 1,300 and
 * more variables without saying which may hold a slash, and many do (`${SecretId}` is
 * `app/prod/db`, `${ParameterNameWithoutLeadingSlash}` is `app/7/key`, a KMS `${AliasName}` is
 * `aws/s3`): assuming one path segment turned valid ARNs into findings. A bucket name is one
 * segment ("Bucket names can consist only of lowercase letters, numbers, periods (.), and
 * hyphens (-)", S3 bucket naming rules), which keeps the finding this check exists for: an
 * object ARN on `s3:ListBucket`. Partition, region and account never hold a slash.
 */
const SINGLE_SEGMENT: ReadonlySet<string> = new Set([
  'BucketName',
  'Partition',
  'Region',
  'Account',
  'AccountId',
]);

function mayHoldSlash(variable: string): boolean {
  return !SINGLE_SEGMENT.has(variable);
}

function isStar(t: number): boolean {
  return t === ANY || t === ANY_NO_SLASH;
}

/** Can a single token `a` and a single token `b` stand for the same character? */
function fits(a: number, b: number): boolean {
  if (a >= 0 && b >= 0) return a === b;
  if (a >= 0) return !(a === SLASH && (b === ONE_NO_SLASH || b === ANY_NO_SLASH));
  if (b >= 0) return !(b === SLASH && (a === ONE_NO_SLASH || a === ANY_NO_SLASH));
  return true;
}

/** The resource part of a format as tokens: `${Name}` is one character or more. */
export function formatTokens(resource: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < resource.length; i++) {
    if (resource.startsWith('${', i)) {
      const end = resource.indexOf('}', i);
      if (end > i) {
        const slashed = mayHoldSlash(resource.slice(i + 2, end));
        out.push(slashed ? ONE : ONE_NO_SLASH, slashed ? ANY : ANY_NO_SLASH);
        i = end;
        continue;
      }
    }
    out.push(resource.charCodeAt(i));
  }
  return out;
}

/** The resource part of a format as a regular expression over an ARN without wildcards. */
export function formatRegExp(resource: string): RegExp {
  let source = '';
  let at = 0;
  for (const m of resource.matchAll(/\$\{([^}]*)\}/g)) {
    source += escapeRegExp(resource.slice(at, m.index));
    source += mayHoldSlash(m[1] ?? '') ? '.+' : '[^/]+';
    at = m.index + m[0].length;
  }
  return new RegExp(`^${source}${escapeRegExp(resource.slice(at))}$`, 's');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** A policy ARN's resource part as tokens: `*`, `?`, and policy variables (any text). */
export function policyTokens(resource: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < resource.length; i++) {
    const c = resource.charCodeAt(i);
    if (c === 42) out.push(ANY);
    else if (c === 63) out.push(ONE);
    else if (c === 36 && resource.charCodeAt(i + 1) === 123) {
      const end = resource.indexOf('}', i);
      if (end < 0) out.push(c);
      else {
        out.push(ANY);
        i = end;
      }
    } else out.push(c);
  }
  return out;
}

/** Is there a text both token patterns match? A search over pairs of positions, O(|a|·|b|). */
// Reused between calls: the check runs for every ARN of every linted statement.
let seenBuffer = new Uint8Array(1024);
const stack: number[] = [];

export function patternsMeet(a: readonly number[], b: readonly number[]): boolean {
  const width = b.length + 1;
  const size = (a.length + 1) * width;
  if (seenBuffer.length < size) seenBuffer = new Uint8Array(size * 2);
  const seen = seenBuffer;
  seen.fill(0, 0, size);
  stack.length = 0;
  stack.push(0);
  seen[0] = 1;
  const visit = (i: number, j: number): void => {
    const at = i * width + j;
    if (seen[at] === 0) {
      seen[at] = 1;
      stack.push(at);
    }
  };
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    const i = Math.floor(at / width);
    const j = at % width;
    if (i === a.length && j === b.length) return true;
    const x = a[i];
    const y = b[j];
    if (x !== undefined && isStar(x)) visit(i + 1, j);
    if (y !== undefined && isStar(y)) visit(i, j + 1);
    if (x === undefined || y === undefined) continue;
    const xStar = isStar(x);
    const yStar = isStar(y);
    if (!xStar && !yStar) {
      if (fits(x, y)) visit(i + 1, j + 1);
    } else if (xStar && !yStar) {
      if (fits(x, y)) visit(i, j + 1);
    } else if (!xStar && yStar && fits(x, y)) visit(i + 1, j);
  }
  return false;
}

/**
 * `arn:partition:service:region:account:resource` → service and resource, or `null`. Colons
 * inside policy variables (`${aws:PrincipalAccount}`) do not separate fields.
 */
export function arnParts(arn: string): { service: string; resource: string } | null {
  // The second, third and fifth colons are all that is needed: no array of positions.
  let count = 0;
  let second = -1;
  let third = -1;
  for (let i = 0; i < arn.length; i++) {
    const c = arn.charCodeAt(i);
    if (c === 36 && arn.charCodeAt(i + 1) === 123) {
      const end = arn.indexOf('}', i);
      if (end > 0) i = end;
    } else if (c === 58) {
      count++;
      if (count === 2) second = i;
      else if (count === 3) third = i;
      else if (count === 5)
        return { service: arn.slice(second + 1, third), resource: arn.slice(i + 1) };
    }
  }
  return null;
}
