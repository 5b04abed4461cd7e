// While the solution is shown: what it changes against the learner's own version, compared as
// JSON (key order, whitespace and formatting ignored), or "your version already matches".
import { el, type Element } from '../../dom/tree.ts';
import { t, type Lang } from '../../i18n/strings.ts';
import type { Panel } from '../panels.ts';
import { patch } from '../patch.ts';
import { formatPath, solutionDiff, type JsonChange } from '../diff.ts';
import type { Snapshot } from '../controller.ts';

function changeLine(c: JsonChange): Element {
  const where = formatPath(c.path);
  if (c.op === 'add') return el('span', { class: 'd-add' }, `+ ${where}: ${c.after}\n`);
  if (c.op === 'remove') return el('span', { class: 'd-del' }, `- ${where}: ${c.before}\n`);
  return el(
    'span',
    {},
    el('span', { class: 'd-del' }, `- ${where}: ${c.before}\n`),
    el('span', { class: 'd-add' }, `+ ${where}: ${c.after}\n`),
  );
}

export function solutionDiffView(x: Snapshot, level: number, lang: Lang): Element {
  const mine = x.mine;
  if (mine === null) return el('div', {});
  const solution: Record<string, string> = {};
  for (const id of Object.keys(x.scenario.solution))
    if (id in x.documents) solution[id] = x.documents[id] ?? '';
  const changes = solutionDiff(mine, solution);
  if (changes.length === 0)
    return el('p', { class: 'sb-diff-same', 'data-diff-same': true }, t(lang, 'diffSame'));
  return el(
    'div',
    {},
    el(`h${level}`, {}, t(lang, 'diff')),
    ...changes.map(({ id, diff }) =>
      el(
        'div',
        { class: 'sb-diff-doc' },
        el(`h${level + 1}`, {}, id),
        el(
          'pre',
          { class: 'sb-diff', tabindex: 0 },
          ...(diff.kind === 'json'
            ? diff.changes.map(changeLine)
            : diff.lines.map((l) =>
                el(
                  'span',
                  { class: `d-${l.op}` },
                  `${l.op === 'add' ? '+ ' : l.op === 'del' ? '- ' : '  '}${l.text}\n`,
                ),
              )),
        ),
      ),
    ),
  );
}

export function solutionDiffPanel(root: HTMLElement, level: number, lang: Lang): Panel {
  const box = root.querySelector('[data-diff]');
  return {
    render(x, changes) {
      if (changes.has('documents')) patch(box, solutionDiffView(x, level + 1, lang));
    },
    dispose() {},
  };
}
