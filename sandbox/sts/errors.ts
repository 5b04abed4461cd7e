// AWS's error codes and texts. `message` is what AWS prints (English only, as AWS does);
// `explanation` says what it means for the learner, in both languages.
// Where the June 2023 User Guide quotes a message it is used verbatim; the others follow the
// STS API's published error shapes (`1 validation error detected: …`) from memory of real
// responses and are marked "wording unverified" below.
import type { Localized } from '../policy/types.ts';
import type { AwsError, ErrorCode } from './types.ts';

function err(code: ErrorCode, message: string, en: string, ja: string): AwsError {
  const explanation: Localized = { en, ja };
  return { code, message, explanation };
}

export function notAuthorized(callerArn: string, action: string, resource: string): AwsError {
  return err(
    'AccessDenied',
    `User: ${callerArn} is not authorized to perform: ${action} on resource: ${resource}`,
    `the policies did not allow \`${action}\` for this caller`,
    `この呼び出し元には \`${action}\` を許可するポリシーがありません`,
  );
}

/** AssumeRoleWithSAML / WithWebIdentity are unsigned: AWS names no caller (wording unverified). */
export function notAuthorizedFederated(action: string): AwsError {
  return err(
    'AccessDenied',
    `Not authorized to perform ${action}`,
    `the role's trust policy does not allow this identity provider's users with these claims`,
    `ロールの信頼ポリシーが、この ID プロバイダーのこのクレームを持つユーザーを許可していません`,
  );
}

/** S3 answers with its own short text. */
export function s3AccessDenied(): AwsError {
  return err(
    'AccessDenied',
    'Access Denied',
    'the policies did not allow this request',
    'ポリシーがこのリクエストを許可していません',
  );
}

/** `1 validation error detected: …` (the API's constraint wording; unverified against the 2023 guide). */
export function constraint(field: string, value: string, rule: string): AwsError {
  const shown = value.length > 80 ? `${value.slice(0, 77)}...` : value;
  return err(
    'ValidationError',
    `1 validation error detected: Value '${shown}' at '${field}' failed to satisfy constraint: ${rule}`,
    `the parameter \`${field}\` breaks the rule: ${rule}`,
    `パラメーター \`${field}\` が制約を満たしていません: ${rule}`,
  );
}

export function durationOverRoleMax(max: number): AwsError {
  return err(
    'ValidationError',
    'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    `the role allows sessions of at most ${max} seconds`,
    `このロールのセッションは最長 ${max} 秒です`,
  );
}

/**
 * AWS's wording, as the knowledge-center article quotes it; the limit covers role sessions and,
 * per that article, GetSessionToken credentials (https://repost.aws/knowledge-center/iam-role-chaining-limit).
 */
export function chainingLimit(): AwsError {
  return err(
    'ValidationError',
    'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.',
    'a role session that assumes another role (role chaining) gets at most one hour',
    'ロールのセッションから別のロールを引き受ける（ロールの連鎖）場合、セッションは最長 1 時間です',
  );
}

export function expiredToken(): AwsError {
  return err(
    'ExpiredToken',
    'The security token included in the request is expired',
    'these temporary credentials have expired on the simulated clock; request new ones',
    'この一時的な認証情報はシミュレーション上の時刻で期限切れです。新しく取得してください',
  );
}

export function invalidToken(): AwsError {
  return err(
    'InvalidClientTokenId',
    'The security token included in the request is invalid.',
    'these credentials are unknown to this world',
    'この認証情報はこのワールドに存在しません',
  );
}

/** Wording unverified. */
export function mfaFailed(): AwsError {
  return err(
    'AccessDenied',
    'MultiFactorAuthentication failed with invalid MFA one time pass code.',
    'the MFA serial number is not the caller’s device, or the code is wrong',
    'MFA のシリアル番号が呼び出し元のデバイスではないか、コードが正しくありません',
  );
}

export function sessionCredentialsNotAllowed(
  op: 'GetSessionToken' | 'GetFederationToken',
): AwsError {
  return err(
    'AccessDenied',
    `Cannot call ${op} with session credentials`,
    `\`${op}\` needs the IAM user’s long-term access keys, not temporary credentials`,
    `\`${op}\` は一時的な認証情報ではなく、IAM ユーザーの長期的なアクセスキーで呼び出す必要があります`,
  );
}

export function malformedPolicy(detail: string): AwsError {
  return err(
    'MalformedPolicyDocument',
    `The policy is not in the valid JSON format.${detail === '' ? '' : ` ${detail}`}`,
    'the session policy is not a valid policy document',
    'セッションポリシーが有効なポリシードキュメントではありません',
  );
}

/** The packed size is a compressed binary AWS does not document; we estimate it from the text. */
export function packedTooLarge(percent: number): AwsError {
  return err(
    'PackedPolicyTooLarge',
    `Packed policy consumes ${percent}% of allotted space, please use smaller policy for this session.`,
    'session policies and session tags together are too large',
    'セッションポリシーとセッションタグを合わせたサイズが大きすぎます',
  );
}

export function invalidIdentityToken(message: string, en: string, ja: string): AwsError {
  return err('InvalidIdentityToken', message, en, ja);
}

export function idpRejectedClaim(message: string, en: string, ja: string): AwsError {
  return err('IDPRejectedClaim', message, en, ja);
}

/**
 * AssumeRoleWithWebIdentity with a token past its `exp`. The STS API reference lists
 * `ExpiredTokenException` ("The web identity token that was passed is expired or is not
 * valid") among the operation's errors, and STS prints the two times in epoch seconds, as in
 * `Token expired: current date/time 1700000100 must be before the expiration date/time
 * 1700000000` (the wording practitioners' reports quote; the reference gives no text).
 * https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRoleWithWebIdentity.html
 */
export function expiredWebIdentityToken(nowSeconds: number, expSeconds: number): AwsError {
  return err(
    'ExpiredTokenException',
    `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${expSeconds}`,
    'the ID token’s `exp` is before the simulated clock’s time',
    'ID トークンの `exp` がシミュレーション上の現在時刻より前です',
  );
}

/**
 * AssumeRoleWithSAML with an assertion past its `NotOnOrAfter`: the API reference lists
 * `ExpiredTokenException` for this operation too; its text is not documented (ours).
 */
export function expiredSamlAssertion(): AwsError {
  return err(
    'ExpiredTokenException',
    'SAML assertion has expired (NotOnOrAfter is in the past)',
    'the assertion’s `NotOnOrAfter` is before the simulated clock’s time',
    'アサーションの `NotOnOrAfter` がシミュレーション上の現在時刻より前です',
  );
}

/**
 * IAM called with GetSessionToken credentials obtained without MFA. The table in "Compare AWS
 * STS credentials" states the rule; the answer is the generic invalid-token error, as
 * practitioners report it (aws-vault issues 15, 328 and 1056: `InvalidClientTokenId`, "The
 * security token included in the request is invalid").
 */
export function iamNeedsMfaSession(action: string): AwsError {
  return err(
    'InvalidClientTokenId',
    'The security token included in the request is invalid.',
    `GetSessionToken credentials obtained without MFA cannot call IAM (\`${action}\`); call GetSessionToken again with SerialNumber and TokenCode`,
    `MFA なしで取得した GetSessionToken の認証情報では IAM（\`${action}\`）を呼び出せません。SerialNumber と TokenCode を付けて GetSessionToken を呼び直してください`,
  );
}

/** GetSessionToken credentials calling STS beyond AssumeRole and GetCallerIdentity (wording unverified). */
export function stsNotWithSessionToken(action: string): AwsError {
  return err(
    'AccessDenied',
    `Cannot call ${action.replace(/^sts:/i, '')} with session credentials`,
    `GetSessionToken credentials can call no STS operation but AssumeRole and GetCallerIdentity (\`${action}\`)`,
    `GetSessionToken の認証情報で呼び出せる STS の操作は AssumeRole と GetCallerIdentity だけです（\`${action}\`）`,
  );
}

export function sourceIdentityChange(current: string): AwsError {
  return err(
    'ValidationError',
    `Source identity cannot be changed once set (current value: ${current}).`,
    `a source identity, once set, stays for the whole chain of sessions; it is \`${current}\``,
    `ソース ID は一度設定するとロールの連鎖全体で変更できません。現在の値は \`${current}\` です`,
  );
}

export function consoleOnly(reason: string, en: string, ja: string): AwsError {
  return err('InvalidParameterValue', reason, en, ja);
}

export function noSuchKey(key: string): AwsError {
  return err(
    'NoSuchKey',
    'The specified key does not exist.',
    `access was allowed, but the object \`${key}\` does not exist`,
    `アクセスは許可されましたが、オブジェクト \`${key}\` は存在しません`,
  );
}
