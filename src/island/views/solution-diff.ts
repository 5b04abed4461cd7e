// While the solution is shown: what it changed against the learner's own version, per document.
import { el, type Element } from '../../dom/tree.ts';
import { t, type Lang } from '../../i18n/strings.ts';
import type { Panel } from '../panels.ts';
import { patch } from '../patch.ts';
import { lineDiff } from '../diff.ts';
import type { Snapshot } from '../controller.ts';

export function solutionDiffView(x: Snapshot, level: number, lang: Lang): Element {
  const mine = x.mine;
  if (mine === null) return el('div', {});
  const blocks = Object.keys(x.documents)
    .filter((id) => mine[id] !== undefined && mine[id] !== x.documents[id])
    .map((id) =>
      el(
        'div',
        { class: 'sb-diff-doc' },
        el(`h${level + 1}`, {}, id),
        el(
          'pre',
          { class: 'sb-diff', tabindex: 0 },
          ...lineDiff(mine[id] ?? '', x.documents[id] ?? '').map((l) =>
            el(
              'span',
              { class: `d-${l.op}` },
              `${l.op === 'add' ? '+ ' : l.op === 'del' ? '- ' : '  '}${l.text}\n`,
            ),
          ),
        ),
      ),
    );
  return el('div', {}, el(`h${level}`, {}, t(lang, 'diff')), ...blocks);
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
