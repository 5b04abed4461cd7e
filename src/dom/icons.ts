// Icons as inline SVG trees, drawn in the text colour. Emoji and dingbats such as ⌛, ⛓ and ⚠
// depend on the reader's fonts and show as empty boxes where no emoji font is installed
// (issue 10); an SVG path draws the same everywhere, in the build's HTML and in the island.
import { el, type Element } from './tree.ts';

/** 16×16 outline drawings; `stroke` paths use currentColor, so icons follow the theme. */
const PATHS = {
  /** Allowed, a goal met, solved. */
  check: 'M3 8.5l3.2 3.2L13 4.8',
  /** Denied, a goal not met. */
  cross: 'M4 4l8 8M12 4l-8 8',
  /** A warning or an error: triangle with an exclamation mark. */
  warning: 'M8 2L14.5 13.5H1.5Z M8 6.5v3.2 M8 11.6v.2',
  /** Expired credentials. */
  hourglass: 'M4 1.8h8M4 14.2h8M5 2c0 3.5 6 3.5 6 6s-6 2.5-6 6M11 2c0 3.5-6 3.5-6 6s6 2.5 6 6',
  /** A chained role session (a role that assumed a role). */
  chain:
    'M6.6 9.4l2.8-2.8M7 4.6l1.4-1.4a2.6 2.6 0 0 1 3.7 3.7L10.7 8.3M9 11.4l-1.4 1.4a2.6 2.6 0 0 1-3.7-3.7L5.3 7.7',
  /** A goal still open (checkbox). */
  box: 'M3 3h10v10H3Z',
  /** A goal met (ticked checkbox). */
  boxChecked: 'M3 3h10v10H3Z M5.2 8.2l2 2 3.6-4.2',
  /** A guard: something that must stay true (diamond), open and kept. */
  diamond: 'M8 2l6 6-6 6-6-6Z',
  diamondFilled: 'M8 2l6 6-6 6-6-6Z M8 5.2l2.8 2.8L8 10.8 5.2 8Z',
  /** Not yet (course map). */
  circle: 'M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 1 0 0-11Z',
  /** Solved exercise: a star, in place of the 🎉 of the first version. */
  star: 'M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6Z',
} as const;

export type IconName = keyof typeof PATHS;

/**
 * An icon. Decorative by default (hidden from screen readers, the words beside it say it);
 * pass `label` when the icon stands alone, and it becomes an image with that name.
 */
export function icon(name: IconName, label?: string): Element {
  const a11y =
    label === undefined ? { 'aria-hidden': 'true' } : { role: 'img', 'aria-label': label };
  return el(
    'svg',
    {
      class: `sb-icon sb-icon-${name}`,
      viewBox: '0 0 16 16',
      width: 16,
      height: 16,
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': 1.6,
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round',
      focusable: 'false',
      ...a11y,
    },
    el('path', { d: PATHS[name] }),
  );
}
