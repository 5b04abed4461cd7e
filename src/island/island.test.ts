import { describe, expect, it } from 'vitest';
import { el, toHtml } from '../dom/tree.ts';
import { highlightJson, tokenizeJson } from '../highlight/json.ts';
import { getScenario } from '../scenario/catalog.ts';
import { documentRoles } from '../scenario/documents.ts';
import { documentPolicyOptions } from '../../sandbox/world/policy-options.ts';
import { trustEdges, worldDiagram } from '../world/diagram.ts';
import { findingsFor } from './core.ts';
import { SandboxController } from './controller.ts';
import { shellView } from './views/shell.ts';

const playground = getScenario('playground');
if (playground === null) throw new Error('the playground scenario did not load');

describe('server markup', () => {
  it('escapes text and attribute values', () => {
    const html = toHtml(el('p', { title: '"><script>' }, '</p><script>alert(1)</script>'));
    expect(html).toBe(
      '<p title="&quot;&gt;&lt;script&gt;">&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
  });
  it('highlights JSON without losing a character, even when broken', () => {
    for (const text of ['{"a": [1, true, null, "x"]}', '{"a": ', '{"Statement": [ } oops']) {
      expect(
        tokenizeJson(text)
          .map((t) => t.text)
          .join(''),
      ).toBe(text);
    }
    const keys = tokenizeJson('{"Effect": "Allow"}').filter((t) => t.cls === 'key');
    expect(keys.map((k) => k.text)).toEqual(['"Effect"']);
  });
  it('marks the deciding range', () => {
    const html = highlightJson('{"a": 1, "b": 2}', { start: 9, end: 15 }).map(toHtml).join('');
    expect(html).toMatch(/<mark class="j-deciding">.*&quot;b&quot;.*2.*<\/mark>/);
  });
  it('renders hooks for tests: data-goal/data-met from the build-time goal check', () => {
    const controller = new SandboxController(playground);
    controller.refreshGoals();
    const html = shellView(controller.getSnapshot(), 'en').map(toHtml).join('');
    expect(html).toMatch(/data-goal="alice-with-mfa" data-met="false"/);
    expect(html).toMatch(/data-goal="alice-without-mfa" data-met="true"/);
    const ja = shellView(controller.getSnapshot(), 'ja').map(toHtml).join('');
    expect(ja).toContain('実行');
  });
});

describe('the world diagram', () => {
  it('draws one arrow per trusted principal and highlights caller and target', () => {
    expect(trustEdges(playground.world)).toEqual([
      { from: 'arn:aws:iam::444444444444:root', to: 'arn:aws:iam::222222222222:role/Deploy' },
      { from: 'arn:aws:iam::444444444444:root', to: 'arn:aws:iam::333333333333:role/ReadOnly' },
    ]);
    const svg = toHtml(
      worldDiagram(
        playground.world,
        {
          caller: 'arn:aws:iam::111111111111:user/alice',
          target: 'arn:aws:iam::222222222222:role/Deploy',
        },
        'en',
      ),
    );
    expect(svg.match(/class="wd-trust/g)).toHaveLength(2);
    expect(svg).toContain('user alice · Caller');
    expect(svg).toContain('role Deploy · Target');
  });
  it('routes an arrow that skips an account under the row, not through the account', () => {
    const ch02 = getScenario('ch02-jump-account');
    if (ch02 === null) throw new Error('ch02 did not load');
    const svg = toHtml(worldDiagram(ch02.world, {}, 'en'));
    const [, , , height] = (/viewBox="([\d. ]+)"/.exec(svg)?.[1] ?? '').split(' ').map(Number);
    const ds = [...svg.matchAll(/<path d="([^"]+)" class="wd-trust/g)].map((m) => m[1] ?? '');
    expect(ds).toHaveLength(2);
    // jump → dev is a neighbour (one curve); jump → prod skips dev (a lane with corners).
    expect(ds.filter((d) => d.includes('Q'))).toHaveLength(1);
    const ys = (ds.find((d) => d.includes('Q')) ?? '')
      .split(/[ ,MLQC]/)
      .filter(Boolean)
      .map(Number)
      .filter((_, i) => i % 2 === 1);
    const lane = Math.max(...ys);
    const boxBottoms = [
      ...svg.matchAll(
        /<g class="wd-account[^"]*"><rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="([\d.]+)"/g,
      ),
    ].map((m) => Number(m[1]) + Number(m[2]));
    expect(boxBottoms).toHaveLength(3);
    expect(lane).toBeGreaterThan(Math.max(...boxBottoms));
    expect(lane).toBeLessThan(height ?? 0);
  });
  it('draws no arrows for a broken trust policy instead of failing', () => {
    const world = {
      ...playground.world,
      documents: { ...playground.world.documents, 'policies/deploy-trust.json': '{' },
    };
    expect(trustEdges(world)).toHaveLength(1);
  });
});

describe('documents', () => {
  it('gives each document its slot', () => {
    const roles = documentRoles(playground.world);
    expect(roles.get('policies/deploy-trust.json')?.kind).toBe('trust');
    expect(roles.get('policies/developers.json')?.kind).toBe('identity');
  });
});

describe('re-evaluating after a keystroke', () => {
  it('parses and re-highlights a maximum-size policy within one frame; goals follow once typing pauses', () => {
    // A role's inline policies may total 10,240 characters (reference_iam-quotas.html).
    const statements: string[] = [];
    for (let i = 0; statements.join(',').length < 9_800; i++) {
      statements.push(
        `{"Sid":"S${i}","Effect":"Allow","Action":["sts:AssumeRole","s3:Get*"],"Resource":"arn:aws:iam::222222222222:role/R${i}","Condition":{"StringEquals":{"aws:PrincipalTag/team":"t${i}"}}}`,
      );
    }
    const big = `{"Version":"2012-10-17","Statement":[${statements.join(',')}]}`;
    expect(big.length).toBeGreaterThan(9_800);
    const median = (xs: number[]): number =>
      xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Infinity;
    const keystroke: number[] = [];
    const goals: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      // What PolicyPanel does on every keystroke: findings and the read-only highlight.
      findingsFor(big, documentPolicyOptions(playground.world, 'policies/developers.json'));
      highlightJson(big);
      const t1 = performance.now();
      // What app.ts defers until typing pauses (GOAL_DELAY_MS).
      const controller = new SandboxController(playground);
      controller.editDocument('policies/developers.json', big);
      controller.refreshGoals();
      controller.dispose();
      keystroke.push(t1 - t0);
      goals.push(performance.now() - t1);
    }
    console.log(
      `max-size policy (${big.length} chars): keystroke ${median(keystroke).toFixed(2)} ms, goal check ${median(goals).toFixed(2)} ms for ${playground.goals.length} goals`,
    );
    expect(median(keystroke)).toBeLessThan(16);
  });
});
