// `iamlab assume --explain` and `iamlab eval --explain` print the trace in the words the
// island's trace panel uses (sandbox/explain), in English and Japanese: steps named for the
// operation, the element and values that decided, a sentence for every reason, never a raw
// reason code or a doubled word.
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function iamlab(args: readonly string[], input?: string) {
  const result = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings', resolve(root, 'bin/iamlab.ts'), ...args],
    { cwd: root, encoding: 'utf8', ...(input === undefined ? {} : { input }) },
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const RAW_CODES =
  /\((no-allow|trust-does-not-allow|no-trust-policy|[a-z]+(-[a-z]+)+)\)|\b(no-allow|not-reached|caller-has-no-account|no-session-policy|not-a-session|no-boundary)\b/;

const assume = (lang: 'en' | 'ja') =>
  iamlab([
    'assume',
    '--scenario',
    'jump-account',
    '--as',
    'bob',
    '--role',
    'arn:aws:iam::222222222222:role/Developer',
    '--mfa',
    '--explain',
    '--lang',
    lang,
  ]);

describe('iamlab assume --explain', () => {
  it('walks the AssumeRole steps and says which value failed against which (en)', () => {
    const out = assume('en');
    expect(out.status).toBe(254);
    const err = out.stderr;
    expect(err).toContain("2/8 The caller's identity-based policies: denied here");
    expect(err).toContain("4/8 The role's trust policy: passed");
    expect(err).toContain('8/8 Credentials issued: not reached\n');
    expect(err).toContain(
      'Resource `arn:aws:iam::222222222222:role/developer` ≠ request `arn:aws:iam::222222222222:role/Developer`',
    );
    expect(err).toContain('`Bool` `aws:MultiFactorAuthPresent` `true` vs request `true` → true');
    expect(err).toContain('Permissions boundary: skipped — the caller has no permissions boundary');
    expect(err).toContain('Denied: an Allow it needs is missing (implicit deny)');
    expect(err).not.toMatch(RAW_CODES);
  });

  it('says the same in natural Japanese, without raw codes or doubled words (ja)', () => {
    const err = assume('ja').stderr;
    expect(err).toContain('2/8 呼び出し元のアイデンティティベースのポリシー: ここで拒否');
    expect(err).toContain('4/8 ロールの信頼ポリシー: 通過');
    expect(err).toContain('8/8 認証情報の発行: 未到達\n');
    expect(err).toContain(
      'Resource `arn:aws:iam::222222222222:role/developer` はリクエストの `arn:aws:iam::222222222222:role/Developer` と一致しません',
    );
    expect(err).toContain(
      '`Bool` `aws:MultiFactorAuthPresent` `true`、リクエストの値は `true` → 成立',
    );
    expect(err).toContain(
      'アクセス許可の境界: 対象外（呼び出し元にはアクセス許可の境界が設定されていません）',
    );
    expect(err).toContain('拒否: 必要な許可がありません（暗黙的な拒否）');
    expect(err).not.toMatch(RAW_CODES);
    expect(err).not.toContain('不通過');
    expect(err).not.toMatch(/リクエスト\s*リクエスト/);
  });
});

const mfaCase = JSON.stringify([
  {
    id: 'mfa-missing',
    request: {
      principal: 'arn:aws:iam::111111111111:user/alice',
      action: 'sts:AssumeRole',
      resource: 'arn:aws:iam::222222222222:role/Deploy',
      context: {},
    },
    identityPolicies: [
      {
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
      },
    ],
    resourcePolicy: {
      name: 'deploy-trust',
      policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'JumpWithMfa',
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111111111111:root' },
            Action: 'sts:AssumeRole',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          },
        ],
      },
    },
    scps: [],
    permissionBoundary: null,
    sessionPolicy: null,
  },
]);

function explained(lang: 'en' | 'ja'): string[] {
  const out = iamlab(['eval', '-', '--explain', '--lang', lang], mfaCase);
  expect(out.status).toBe(0);
  const [result] = JSON.parse(out.stdout) as { explain?: string[] }[];
  return result?.explain ?? [];
}

describe('iamlab eval --explain', () => {
  it('shows the absent key and why each gate that does not apply is skipped (en)', () => {
    const lines = explained('en');
    expect(lines).toContain(
      "trust policy, resource's account: does not allow (implicit deny) — the trust policy does not allow this principal",
    );
    expect(lines).toContain('  statement `JumpWithMfa` of `deploy-trust` does not apply');
    expect(lines).toContain(
      '      `Bool` `aws:MultiFactorAuthPresent` `true` vs request: absent → false',
    );
    expect(
      lines.some((l) => l.startsWith("SCPs, caller's account: does not apply — no SCP applies")),
    ).toBe(true);
    expect(lines.at(-1)).toMatch(/^decision: implicitly denied: the role's trust policy/);
    expect(lines.join('\n')).not.toMatch(RAW_CODES);
  });

  it('in Japanese (ja)', () => {
    const lines = explained('ja');
    expect(lines).toContain(
      '信頼ポリシー（リソース側アカウント）: 暗黙的な拒否。信頼ポリシーがこのプリンシパルを許可していません',
    );
    expect(lines).toContain('  `deploy-trust` のステートメント `JumpWithMfa` は該当しません');
    expect(lines).toContain(
      '      `Bool` `aws:MultiFactorAuthPresent` `true`、リクエストにこのキーはありません → 不成立',
    );
    expect(lines.at(-1)).toMatch(/^判定: 暗黙的に拒否: ロールの信頼ポリシーが/);
    const text = lines.join('\n');
    expect(text).not.toMatch(RAW_CODES);
    expect(text).not.toMatch(/リクエスト\s*リクエスト/);
  });
});
