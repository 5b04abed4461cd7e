// Re-rendering a panel replaces its children; focus inside it is restored to the element
// with the same data-action/data-session/name so keyboard users do not lose their place.
import { toDom, type Node } from '../dom/tree.ts';

const KEY_ATTRS = ['data-action', 'data-session', 'data-minutes', 'name', 'data-goal'];

function keyOf(el: Element): string {
  return KEY_ATTRS.map((a) => el.getAttribute(a) ?? '').join('|');
}

export function patch(container: Element | null, node: Node): void {
  if (container === null) return;
  const active = document.activeElement;
  const focusKey = active !== null && container.contains(active) ? keyOf(active) : null;
  container.replaceChildren(toDom(node, document));
  if (focusKey === null) return;
  for (const candidate of container.querySelectorAll<HTMLElement>(
    'button, input, select, textarea, [tabindex]',
  )) {
    if (keyOf(candidate) === focusKey) {
      candidate.focus();
      return;
    }
  }
}
