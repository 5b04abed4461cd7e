import { describe, expect, it } from 'vitest';
import { el, toHtml, withCode } from './tree.ts';

describe('withCode', () => {
  it('turns backtick pairs into code elements', () => {
    expect(withCode('alice can switch to `Developer` in `dev`')).toEqual([
      'alice can switch to ',
      el('code', {}, 'Developer'),
      ' in ',
      el('code', {}, 'dev'),
    ]);
  });
  it('leaves text without pairs alone, an unpaired backtick included', () => {
    expect(withCode('no code here')).toEqual(['no code here']);
    expect(withCode('one ` only')).toEqual(['one ` only']);
    expect(withCode('`a` and ` b')).toEqual([el('code', {}, 'a'), ' and ', '` b']);
  });
  it('escapes what is inside the code like any text', () => {
    const html = withCode('try `<img src=x onerror=alert(1)>`').map(toHtml).join('');
    expect(html).toBe('try <code>&lt;img src=x onerror=alert(1)&gt;</code>');
  });
});
