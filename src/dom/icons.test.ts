import { describe, expect, it } from 'vitest';
import { icon, type IconName } from './icons.ts';
import { toHtml } from './tree.ts';

const NAMES: IconName[] = [
  'check',
  'cross',
  'warning',
  'hourglass',
  'chain',
  'box',
  'boxChecked',
  'diamond',
  'diamondFilled',
  'circle',
  'star',
];

describe('icons', () => {
  it('are SVG paths in the text colour, hidden from screen readers unless labelled', () => {
    for (const name of NAMES) {
      const html = toHtml(icon(name));
      expect(html).toMatch(/^<svg class="sb-icon sb-icon-\w+" viewBox="0 0 16 16"/);
      expect(html).toContain('stroke="currentColor"');
      expect(html).toContain('aria-hidden="true"');
      expect(html).toMatch(/<path d="M[^"]+"><\/path><\/svg>$/);
    }
  });
  it('become a named image when they stand alone', () => {
    const html = toHtml(icon('chain', 'chained session'));
    expect(html).toContain('role="img" aria-label="chained session"');
    expect(html).not.toContain('aria-hidden');
  });
  it('carry no emoji or dingbat that needs a font', () => {
    for (const name of NAMES) expect(toHtml(icon(name))).toMatch(/^[\x20-\x7e]+$/);
  });
});
