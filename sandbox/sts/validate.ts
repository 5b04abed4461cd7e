// STS parameter rules, checked before any policy is evaluated, as STS does.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_session-tags.html
import type { Tag } from '../world/types.ts';
import { constraint, malformedPolicy, packedTooLarge } from './errors.ts';
import type { AwsError, PolicyArn } from './types.ts';

// The character classes are AWS's own patterns, written as fixed regexes.
const SESSION_NAME = /^[\w+=,.@-]*$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]*$/;
const TOKEN_CODE = /^\d{6}$/;
const SERIAL = /^[\w+=/:,.@-]*$/;

export function checkLength(
  field: string,
  value: string,
  min: number,
  max: number,
): AwsError | null {
  if (value.length < min)
    return constraint(field, value, `Member must have length greater than or equal to ${min}`);
  if (value.length > max)
    return constraint(field, value, `Member must have length less than or equal to ${max}`);
  return null;
}

export function checkSessionName(field: string, value: string, max = 64): AwsError | null {
  return (
    checkLength(field, value, 2, max) ??
    (SESSION_NAME.test(value)
      ? null
      : constraint(field, value, 'Member must satisfy regular expression pattern: [\\w+=,.@-]*'))
  );
}

export function checkExternalId(value: string): AwsError | null {
  return (
    checkLength('externalId', value, 2, 1224) ??
    (EXTERNAL_ID.test(value)
      ? null
      : constraint(
          'externalId',
          value,
          'Member must satisfy regular expression pattern: [\\w+=,.@:\\/-]*',
        ))
  );
}

export function checkMfaParameters(serial?: string, code?: string): AwsError | null {
  if (serial !== undefined) {
    const bad = checkLength('serialNumber', serial, 9, 256);
    if (bad) return bad;
    if (!SERIAL.test(serial))
      return constraint(
        'serialNumber',
        serial,
        'Member must satisfy regular expression pattern: [\\w+=/:,.@-]*',
      );
  }
  if (code !== undefined && !TOKEN_CODE.test(code)) {
    return constraint('tokenCode', code, 'Member must satisfy regular expression pattern: [\\d]*');
  }
  return null;
}

export function checkDurationRange(value: number, min: number, max: number): AwsError | null {
  if (!Number.isInteger(value) || value < min) {
    return constraint(
      'durationSeconds',
      String(value),
      `Member must have value greater than or equal to ${min}`,
    );
  }
  if (value > max)
    return constraint(
      'durationSeconds',
      String(value),
      `Member must have value less than or equal to ${max}`,
    );
  return null;
}

/** Session policy text: valid JSON object, at most 2,048 characters of plaintext. */
export function checkSessionPolicy(text: string): AwsError | null {
  const tooLong = checkLength('policy', text, 1, 2048);
  if (tooLong) return tooLong;
  try {
    const doc: unknown = JSON.parse(text);
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return malformedPolicy('');
  } catch {
    return malformedPolicy('');
  }
  return null;
}

export function checkPolicyArns(arns: readonly PolicyArn[]): AwsError | null {
  if (arns.length > 10)
    return constraint(
      'policyArns',
      `${arns.length} items`,
      'Member must have length less than or equal to 10',
    );
  for (const { arn } of arns) {
    const bad = checkLength('policyArns.member.arn', arn, 20, 2048);
    if (bad) return bad;
  }
  return null;
}

export function checkTags(tags: readonly Tag[], transitive: readonly string[]): AwsError | null {
  if (tags.length > 50)
    return constraint(
      'tags',
      `${tags.length} items`,
      'Member must have length less than or equal to 50',
    );
  for (const tag of tags) {
    const bad =
      checkLength('tags.member.key', tag.key, 1, 128) ??
      checkLength('tags.member.value', tag.value, 0, 256);
    if (bad) return bad;
  }
  const keys = new Set(tags.map((t) => t.key.toLowerCase()));
  if (keys.size !== tags.length) {
    return constraint(
      'tags',
      'duplicate keys',
      'Member must have unique keys (keys are case-insensitive)',
    );
  }
  for (const key of transitive) {
    if (!keys.has(key.toLowerCase())) {
      return constraint('transitiveTagKeys', key, 'Member must name a tag passed in this request');
    }
  }
  return null;
}

/**
 * AWS packs session policies and tags into a binary whose size it reports as a percentage.
 * The packing is undocumented; this estimate (plaintext over 2,048 characters ≈ 100 %) is
 * only good enough to show when the limit bites. PackedPolicySize is reported from it too.
 */
export function packedPercent(policyTexts: readonly string[], tags: readonly Tag[]): number {
  const compact = policyTexts.map((t) => t.replace(/\s+/g, '')).join('');
  const tagChars = tags.reduce((n, t) => n + t.key.length + t.value.length, 0);
  return Math.ceil(((compact.length * 0.5 + tagChars * 4) / 1024) * 100);
}

export function checkPacked(policyTexts: readonly string[], tags: readonly Tag[]): AwsError | null {
  const percent = packedPercent(policyTexts, tags);
  return percent > 100 ? packedTooLarge(percent) : null;
}
