// The access view's pieces in Node: the worker's answers across edits, the "what changed"
// list, the matrix table and the routes on the world diagram.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toHtml } from '../dom/tree.ts';
import { loadScenarios } from '../../sandbox/scenario/load.ts';
import { applyOverlay } from '../../sandbox/scenario/run.ts';
import type { Scenario } from '../../sandbox/scenario/types.ts';
import { worldDiagram } from '../world/diagram.ts';
import { accessResponder, type AccessReply, type AccessRequest } from './access.worker.ts';
import {
  accessChangesView,
  accessMatrixView,
  accessPanel,
  accessPathsView,
  changePaths,
  queryPaths,
} from './views/access.ts';
import { findPaths } from '../../sandbox/access/paths.ts';
import { readTree } from '../../test/unit/scenario-tree.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function scenario(id: string): Scenario {
  const found = loadScenarios(readTree(join(root, 'content/scenarios', id))).scenarios[0];
  if (found === undefined) throw new Error(`no scenario ${id}`);
  return found;
}

const mfa = scenario('ch05-mfa');
const solved = applyOverlay(mfa.world, mfa.solution).documents;

function replies(): AccessReply[] {
  const respond = accessResponder();
  const out: AccessReply[] = [];
  const ask = (request: Parameters<typeof respond>[0]): void => {
    const reply = respond(request);
    if (reply !== null) out.push(reply);
  };
  ask({ id: 1, scenario: mfa, documents: mfa.world.documents });
  ask({ id: 2, documents: solved });
  ask({ id: 3, documents: mfa.world.documents });
  return out;
}

describe('access worker', () => {
  it('answers nothing before it has a scenario', () => {
    expect(accessResponder()({ id: 1, documents: {} })).toBeNull();
  });

  it('reports what each edit changed and what differs from the start, and undo clears both', () => {
    const [first, edited, undone] = replies();
    expect(first?.sinceEdit).toEqual([]);
    expect(first?.sinceStart).toEqual([]);
    expect(first?.start).toEqual(first?.map);
    expect(edited?.start).toBeUndefined();
    expect(edited?.id).toBe(2);
    expect(edited?.sinceEdit.map((c) => c.text.en)).toEqual([
      '− alice can no longer read, write, list and delete objects in bucket `acme-prod-config` without MFA',
      '− alice can no longer delete objects in bucket `audit-logs` without MFA',
      '− alice can no longer assume Admin in acme-prod without MFA',
    ]);
    expect(edited?.sinceStart).toEqual(edited?.sinceEdit);
    expect(undone?.sinceEdit.map((c) => c.sign)).toEqual(['+', '+', '+']);
    expect(undone?.sinceEdit[2]?.text.en).toBe(
      '+ alice can now assume Admin in acme-prod without MFA',
    );
    expect(undone?.sinceStart).toEqual([]);
  });

  it('takes the editable documents the island sends: the others are the scenario’s own', () => {
    for (const id of readdirSync(join(root, 'content/scenarios'))) {
      if (!statSync(join(root, 'content/scenarios', id)).isDirectory()) continue;
      const s = scenario(id);
      const editable = Object.fromEntries(
        s.editable.map((doc) => [doc, s.world.documents[doc] ?? '']),
      );
      const respond = accessResponder();
      const first = respond({ id: 1, scenario: s, documents: editable });
      expect(first?.sinceStart, id).toEqual([]);
      expect(first?.map, id).toEqual(first?.start);
    }
  });
});

describe('access views', () => {
  const [, edited] = replies();
  if (edited === undefined) throw new Error('no reply');
  const aliases = new Map(edited.aliases);

  it('lists the changes as sentences, names in code, and says when nothing changed', () => {
    const html = toHtml(accessChangesView(edited.sinceEdit, [], 3, 'en'));
    expect(html).toContain(
      '<li class="sb-access-change is-lost" data-kind="tightened">− alice can no longer assume Admin in acme-prod without MFA</li>',
    );
    expect(html).toContain('<code>audit-logs</code>');
    expect(html).toContain('<h3>What your last edit changed</h3>');
    expect(html).toContain('<p class="sb-access-none">No change in who can reach what.</p>');
    expect(toHtml(accessChangesView([], edited.sinceStart, 3, 'ja'))).toContain(
      'MFA なしでは acme-prod の Admin を引き受けられなくなった',
    );
  });

  it('draws the matrix as a table with row and column headers and words in every cell', () => {
    const html = toHtml(accessMatrixView(edited.map, aliases, 'en'));
    expect(html).toContain('<caption>Who can reach what:');
    expect(html).toContain('<th scope="col">Admin (acme-prod)</th>');
    expect(html).toContain('<th scope="row">alice</th><td class="is-reach">with MFA</td>');
    expect(html).toContain(
      '<th scope="row">the Admin role in acme-prod</th><td class="is-none">no</td>',
    );
    expect(html).toContain(
      '<td class="is-reach">read: yes; write: yes; list: yes; delete: with MFA</td>',
    );
    // A role nobody can reach still has its column, all "no".
    const ch03 = scenario('ch03-trust-policies');
    const start = accessResponder()({ id: 1, scenario: ch03, documents: ch03.world.documents });
    if (start === null) throw new Error('no map');
    const matrix = toHtml(accessMatrixView(start.map, new Map(start.aliases), 'en'));
    expect(matrix).toContain('<th scope="col">Deploy (acme-prod)</th>');
    expect(
      start.map.subjects.some((sa) =>
        sa.roles.some((r) => r.target.kind === 'role' && r.target.name === 'Deploy'),
      ),
    ).toBe(false);
  });

  it('says how X reaches Y in words, with each hop and its gates, or where it stops', () => {
    const found = toHtml(
      accessPathsView(findPaths(edited.map, { from: 'alice', to: 'Admin' }), aliases, 'en'),
    );
    expect(found).toContain('alice → Admin (acme-prod): 1 path(s)');
    expect(found).toContain('<li>with MFA<ol><li>sts:AssumeRole → Admin (acme-prod), with MFA<br>');
    expect(found).toContain('resource policy allows (trust:Admin#/Statement/0)');
    const stopped = toHtml(
      accessPathsView(findPaths(edited.map, { from: 'Admin', to: 'audit-logs' }), aliases, 'ja'),
    );
    expect(stopped).toContain('経路なし');
    expect(
      toHtml(accessPathsView(findPaths(edited.map, { from: 'zed', to: 'Admin' }), aliases, 'en')),
    ).toContain('no principal named <code>zed</code>');
  });

  it('gives the routes of the changes and of a query for the diagram, which draws them', () => {
    const [first] = replies();
    const paths = changePaths(edited.sinceEdit, first?.map ?? null, edited.map);
    expect(paths[2]).toEqual({
      kind: 'removed',
      hops: [
        {
          from: 'arn:aws:iam::111111111111:user/alice',
          to: 'arn:aws:iam::333333333333:role/Admin',
        },
      ],
    });
    const route = queryPaths(edited.map, 'alice', 'acme-prod-config');
    expect(route[0]?.hops.map((h) => h.to)).toEqual([
      'arn:aws:iam::333333333333:role/Admin',
      'arn:aws:iam::333333333333:root',
    ]);
    const svg = toHtml(worldDiagram(mfa.world, {}, 'en', paths));
    expect(svg.match(/class="wd-path is-removed"/g)?.length).toBe(
      paths.flatMap((p) => p.hops).length,
    );
    expect(toHtml(worldDiagram(mfa.world, {}, 'en'))).not.toContain('wd-path is-');
  });
});

describe('the access panel and its worker', () => {
  /** A worker that answers only when the test says so, with the real responder. */
  function slowWorker() {
    const respond = accessResponder();
    const requests: AccessRequest[] = [];
    const fake = {
      onmessage: null as ((event: MessageEvent<AccessReply>) => void) | null,
      onerror: null as (() => void) | null,
      postMessage(request: AccessRequest) {
        requests.push(request);
      },
      terminate() {},
      /** Answers the request at `index` as the worker would. */
      answer(index: number) {
        const reply = respond(requests[index] as AccessRequest);
        if (reply !== null) fake.onmessage?.({ data: reply } as MessageEvent<AccessReply>);
      },
    };
    return { fake, requests };
  }

  it('sends one request at a time: edits made meanwhile go together, the latest documents only', () => {
    const { fake, requests } = slowWorker();
    const maps: number[] = [];
    const panel = accessPanel({ querySelector: () => null } as unknown as HTMLElement, 3, 'en', {
      worker: () => fake as unknown as Worker,
      onMap: () => maps.push(requests.length),
    });
    const snapshot = (documents: Scenario['world']['documents']) =>
      ({ scenario: mfa, documents }) as unknown as Parameters<typeof panel.render>[0];
    panel.render(snapshot(mfa.world.documents), new Set(['documents']));
    // Three keystrokes while the worker computes the first map.
    panel.render(snapshot({ ...mfa.world.documents }), new Set(['documents']));
    panel.render(snapshot(mfa.world.documents), new Set(['attempt']));
    panel.render(snapshot(solved), new Set(['documents']));
    expect(requests.map((r) => [r.id, r.scenario?.id])).toEqual([[1, mfa.id]]);
    fake.answer(0);
    // The answer sends what was typed meanwhile, once, as its last state.
    expect(requests.map((r) => [r.id, r.scenario?.id])).toEqual([
      [1, mfa.id],
      [2, undefined],
    ]);
    expect(requests[1]?.documents).toBe(solved);
    fake.answer(1);
    expect(requests).toHaveLength(2);
    expect(maps).toEqual([1, 2]);
    // A request the worker failed on does not stop the next.
    panel.render(snapshot(mfa.world.documents), new Set(['documents']));
    panel.render(snapshot(solved), new Set(['documents']));
    expect(requests).toHaveLength(3);
    fake.onerror?.();
    expect(requests).toHaveLength(4);
    expect(requests[3]?.documents).toBe(solved);
  });
});
