// ARNs as IAM writes them, parsed strictly: the engine must never treat an impossible ARN
// (a 13-digit account, an unknown partition) as something AWS could have issued.
// Format and examples: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html

/** Partitions AWS documents; others (aws-iso…) are out of the course's scope. */
export const KNOWN_PARTITIONS: readonly string[] = ['aws', 'aws-cn', 'aws-us-gov'];

export interface Arn {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  /** 12 digits, `''` (S3 buckets, some global resources) or `aws` (AWS managed policies). */
  readonly account: string;
  /** Everything after the fifth colon, which may itself contain colons and slashes. */
  readonly resource: string;
  /** Text before the first `/` or `:` of `resource`, when there is one (`user`, `role`, …). */
  readonly resourceType?: string;
  /** Text after that separator, or the whole `resource` when it has none (`root`, a bucket). */
  readonly resourceId: string;
}

const SERVICE = /^[a-z0-9][a-z0-9-]*$/;
const REGION = /^[a-z0-9-]*$/;
const ACCOUNT_ID = /^[0-9]{12}$/;

/** True for a 12-digit AWS account ID. */
export function isAccountId(text: unknown): boolean {
  return typeof text === 'string' && ACCOUNT_ID.test(text);
}

export function isKnownPartition(text: string): boolean {
  return KNOWN_PARTITIONS.includes(text);
}

/**
 * Splits `text` at its first five colons; `null` when it has fewer. Linear, no regex over the
 * whole input, so a 100,000-character value costs one pass.
 */
export function splitArnFields(
  text: string,
): readonly [string, string, string, string, string, string] | null {
  const cuts: number[] = [];
  let from = 0;
  while (cuts.length < 5) {
    const at = text.indexOf(':', from);
    if (at < 0) return null;
    cuts.push(at);
    from = at + 1;
  }
  const [a, b, c, d, e] = cuts as [number, number, number, number, number];
  return [
    text.slice(0, a),
    text.slice(a + 1, b),
    text.slice(b + 1, c),
    text.slice(c + 1, d),
    text.slice(d + 1, e),
    text.slice(e + 1),
  ];
}

/** Parses a concrete ARN (no wildcards or variables are special here); `null` if impossible. */
export function parseArn(text: unknown): Arn | null {
  if (typeof text !== 'string') return null;
  const fields = splitArnFields(text);
  if (fields === null) return null;
  const [prefix, partition, service, region, account, resource] = fields;
  if (prefix !== 'arn' || !isKnownPartition(partition)) return null;
  if (!SERVICE.test(service) || !REGION.test(region)) return null;
  if (account !== '' && account !== 'aws' && !ACCOUNT_ID.test(account)) return null;
  if (resource === '') return null;
  const cut = firstSeparator(resource);
  if (cut < 0) return { partition, service, region, account, resource, resourceId: resource };
  return {
    partition,
    service,
    region,
    account,
    resource,
    resourceType: resource.slice(0, cut),
    resourceId: resource.slice(cut + 1),
  };
}

function firstSeparator(resource: string): number {
  const slash = resource.indexOf('/');
  const colon = resource.indexOf(':');
  if (slash < 0) return colon;
  if (colon < 0) return slash;
  return Math.min(slash, colon);
}

/** `arn:PARTITION:iam::ACCOUNT:root`, the ARN form of an account principal. */
export function rootArn(account: string, partition = 'aws'): string {
  return `arn:${partition}:iam::${account}:root`;
}
