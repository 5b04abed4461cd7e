// A policy's heading names what holds it in the reader's language (issue 10: Japanese
// headings said "group" and "bucket"), built from the same parts as the English label that
// traces and the CLI show, so the two cannot drift apart.
import { describe, expect, it } from 'vitest';
import { documentUses } from '../../sandbox/world/policy-options.ts';
import { shellView } from '../island/views/shell.ts';
import { toHtml } from '../dom/tree.ts';
import { SandboxController } from '../island/controller.ts';
import { getScenario, scenarioIds } from './catalog.ts';
import { documentRoles, ownerLabel } from './documents.ts';

const scenarios = scenarioIds().flatMap((id) => getScenario(id) ?? []);

describe('ownerLabel', () => {
  it('in English is the owner label of every document of every scenario', () => {
    expect(scenarios.length).toBeGreaterThan(10);
    for (const s of scenarios) {
      for (const use of documentUses(s.world).values()) {
        expect(ownerLabel(use.place, 'en')).toBe(use.owner);
      }
    }
  });

  it('in Japanese has no English word for what holds the document', () => {
    for (const s of scenarios) {
      for (const role of documentRoles(s.world).values()) {
        expect(ownerLabel(role.place, 'ja')).not.toMatch(/› (role|user|group|policy|bucket) /);
      }
    }
  });

  it('names a group policy, a bucket policy and an OU SCP', () => {
    const ja = (id: string, doc: string) => {
      const place = documentRoles(getScenario(id)?.world ?? never()).get(doc)?.place;
      return place === undefined ? undefined : ownerLabel(place, 'ja');
    };
    expect(ja('ch02-jump-account', 'policies/jump/operators.json')).toBe(
      'acme-jump (111111111111) › グループ Operators',
    );
    expect(ja('playground', 'policies/prod-reports-bucket.json')).toMatch(/› バケット /);
    expect(ja('ch09-guardrails', 'policies/scp-identity.json')).toMatch(/^OU .+ › SCP$/);
  });

  it('is what the Japanese sandbox shows above each editable policy', () => {
    const s = getScenario('ch02-jump-account') ?? never();
    const html = shellView(new SandboxController(s).getSnapshot(), 'ja')
      .map((e) => toHtml(e))
      .join('');
    expect(html).toContain(
      'acme-jump (111111111111) › グループ Operators — アイデンティティベースのポリシー',
    );
    expect(html).not.toContain('› group ');
  });
});

function never(): never {
  throw new Error('a scenario the test relies on did not load');
}
