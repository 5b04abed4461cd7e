// The policy summary (sandbox/catalog/summary.ts) and its view (src/island/views/summary.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../bin/catalog.ts';
import { summarizePolicy } from '../../sandbox/catalog/summary.ts';
import type { Catalog } from '../../sandbox/catalog/types.ts';
import { parsePolicy } from '../../sandbox/policy/parse.ts';
import { toHtml } from '../../src/dom/tree.ts';
import { policySummaryView } from '../../src/island/views/summary.ts';

let catalog: Catalog;
beforeAll(async () => {
  catalog = await loadCatalog();
});

function summary(statements: object[]) {
  const parsed = parsePolicy(
    { Version: '2012-10-17', Statement: statements },
    { kind: 'identity' },
  );
  if (parsed.document === null) throw new Error('policy does not parse');
  return summarizePolicy(parsed.document, catalog);
}

describe('policy summary', () => {
  it('groups actions by service, effect and access level, with resources and conditions', () => {
    const s = summary([
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:ListBucket', 's3:PutObjectTagging'],
        Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'],
        Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data' } },
      },
      { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' },
    ]);
    expect(s.services.map((x) => [x.prefix, x.effect, x.levels.map((l) => l.level)])).toEqual([
      ['iam', 'Deny', ['Write']],
      ['s3', 'Allow', ['List', 'Read', 'Tagging']],
    ]);
    const read = s.services[1]?.levels.find((l) => l.level === 'Read');
    expect(read).toEqual({
      level: 'Read',
      actions: ['s3:GetObject'],
      resources: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'],
      conditions: ['StringEquals aws:PrincipalTag/team'],
      principals: [],
    });
    expect(s.wildcards).toEqual([]);
    expect(s.unresolved).toEqual([]);
  });

  it('lists the actions each wildcard matches, and what it cannot break down', () => {
    const s = summary([
      { Effect: 'Allow', Action: ['sts:Assume*', 's3:Gett*', 'foo:Bar'], Resource: '*' },
      { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
    ]);
    expect(s.wildcards.map((w) => [w.pattern, w.path])).toEqual([
      ['sts:Assume*', '/Statement/0/Action/0'],
      ['s3:Gett*', '/Statement/0/Action/1'],
    ]);
    expect(s.wildcards[0]?.actions).toContain('sts:AssumeRoleWithSAML');
    expect(s.wildcards[0]?.actions.every((a) => a.startsWith('sts:Assume'))).toBe(true);
    expect(s.wildcards[1]?.actions).toEqual([]);
    expect(s.unresolved).toEqual(['foo', 'NotAction']);
  });

  it('keeps a service whose actions the catalog does not know, listing them as uncategorized', () => {
    const s = summary([
      { Effect: 'Allow', Action: ['s3:GetObjcet', 's3:Gett*'], Resource: '*' },
      { Effect: 'Deny', Action: ['s3:DeleteObject', 's3:DeleteObjekt'], Resource: '*' },
    ]);
    expect(s.services.map((x) => [x.prefix, x.effect, x.levels.length, x.uncategorized])).toEqual([
      ['s3', 'Allow', 0, ['s3:GetObjcet', 's3:Gett*']],
      ['s3', 'Deny', 1, ['s3:DeleteObjekt']],
    ]);
    const en = toHtml(policySummaryView(s, 'en'));
    expect(en).toContain(
      '<tr data-level="uncategorized"><th scope="row">Uncategorized actions</th><td colspan="2"><code>s3:GetObjcet</code>, <code>s3:Gett*</code></td></tr>',
    );
    expect(en).not.toContain('This policy grants no action');
    expect(en).toContain('<summary>1 action</summary>');
    expect(toHtml(policySummaryView(s, 'ja'))).toContain('カタログにないアクション');
  });

  it('sums up Action "*" as full access to all services, beside the services it also names', () => {
    const s = summary([
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::reports/*' },
      { Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Effect: 'Deny',
        Action: ['*:*'],
        NotResource: 'arn:aws:s3:::reports',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ]);
    expect(s.everything).toEqual([
      { effect: 'Allow', resources: ['*'], conditions: [], principals: [] },
      {
        effect: 'Deny',
        resources: ['NotResource arn:aws:s3:::reports'],
        conditions: ['Bool aws:SecureTransport'],
        principals: [],
      },
    ]);
    expect(s.unresolved).toEqual([]);
    expect(s.services.map((x) => x.prefix)).toEqual(['s3']);
    const en = toHtml(policySummaryView(s, 'en'));
    expect(en).toContain('<caption>All services (<code>*</code>) — Allow</caption>');
    expect(en).toContain(
      '<tr data-level="full"><th scope="row">Full access</th><td>All resources</td>',
    );
    expect(toHtml(policySummaryView(s, 'ja'))).toContain('フルアクセス');
  });

  it('names the principals of a trust policy, whose resource is the role itself', () => {
    const parsed = parsePolicy(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111111111111:root' },
            Action: 'sts:AssumeRole',
            Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
          },
        ],
      },
      { kind: 'trust' },
    );
    if (parsed.document === null) throw new Error('policy does not parse');
    const s = summarizePolicy(parsed.document, catalog);
    expect(s.services[0]?.levels[0]?.principals).toEqual(['AWS arn:aws:iam::111111111111:root']);
    const en = toHtml(policySummaryView(s, 'en', 'trust'));
    expect(en).toContain('<th scope="col">Principals</th>');
    expect(en).toContain(
      '<td><code>AWS arn:aws:iam::111111111111:root</code></td><td>This role</td><td><code>Bool aws:MultiFactorAuthPresent</code></td>',
    );
    expect(toHtml(policySummaryView(s, 'ja', 'trust'))).toContain('<td>このロール</td>');
    // An identity policy names no principal: no such column.
    const identity = summary([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]);
    expect(toHtml(policySummaryView(identity, 'en'))).not.toContain('Principals');
  });

  it('renders the console’s words in both languages', () => {
    const s = summary([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:List*'], Resource: '*' }]);
    const en = toHtml(policySummaryView(s, 'en'));
    expect(en).toContain('Policy summary');
    expect(en).toContain('<tr data-level="Read"><th scope="row"><span>Read</span>');
    expect(en).toContain('All resources');
    expect(en).toContain('<li data-pattern="s3:List*"><code>s3:List*</code>');
    const ja = toHtml(policySummaryView(s, 'ja'));
    expect(ja).toContain('ポリシーの概要');
    expect(ja).toContain('<span>読み取り</span>');
    expect(ja).toContain('すべてのリソース');
  });
});
