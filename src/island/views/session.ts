// The sessions the learner obtained: credentials as the CLI prints them, a countdown on the
// simulated clock, and the controls that act on a session.
import { el, type Element } from '../../dom/tree.ts';
import { t, type Lang } from '../../i18n/strings.ts';
import { icon } from '../../dom/icons.ts';
import type { Session } from '../../../sandbox/world/types.ts';

export function formatRemaining(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
}

export function clockText(now: number): string {
  return new Date(now).toISOString().replace('.000Z', 'Z');
}

export function sessionView(sessions: readonly Session[], now: number, lang: Lang): Element {
  const clock = el('p', { class: 'sb-clock' }, t(lang, 'clock', { time: clockText(now) }));
  const controls = el(
    'div',
    { class: 'sb-row' },
    el(
      'button',
      { type: 'button', class: 'sb-btn', 'data-action': 'forward', 'data-minutes': 15 },
      t(lang, 'fastForward', { minutes: 15 }),
    ),
    el(
      'button',
      { type: 'button', class: 'sb-btn', 'data-action': 'forward', 'data-minutes': 60 },
      t(lang, 'fastForward', { minutes: 60 }),
    ),
  );
  if (sessions.length === 0)
    return el('div', {}, clock, controls, el('p', {}, t(lang, 'noSession')));
  return el(
    'div',
    {},
    clock,
    controls,
    el(
      'ol',
      { class: 'sb-sessions', reversed: true },
      ...[...sessions].reverse().map((s) => {
        const index = sessions.indexOf(s);
        const expired = now >= s.expiresAt;
        return el(
          'li',
          {
            class: `sb-session${expired ? ' is-expired' : ''}`,
            'data-session': index,
            'data-expired': expired ? 'true' : 'false',
          },
          el('p', { class: 'sb-session-arn' }, el('code', {}, s.arn)),
          el(
            'dl',
            {},
            el('dt', {}, t(lang, 'accessKeyId')),
            el('dd', {}, el('code', {}, s.credentials.accessKeyId)),
            el('dt', {}, t(lang, 'expiration')),
            el(
              'dd',
              {},
              `${s.credentials.expiration} — `,
              el(
                'strong',
                { class: 'sb-countdown' },
                ...(expired
                  ? [icon('hourglass'), ' ', t(lang, 'expired')]
                  : [t(lang, 'expiresIn', { time: formatRemaining(s.expiresAt - now) })]),
              ),
            ),
            s.chained && el('dt', {}, icon('chain', t(lang, 'chained'))),
            s.chained && el('dd', {}, t(lang, 'chained')),
          ),
          el(
            'div',
            { class: 'sb-row' },
            el(
              'button',
              { type: 'button', class: 'sb-btn', 'data-action': 'whoami', 'data-session': index },
              t(lang, 'getCallerIdentity'),
            ),
            el(
              'button',
              {
                type: 'button',
                class: 'sb-btn',
                'data-action': 'use-session',
                'data-session': index,
              },
              t(lang, 'followUp'),
            ),
          ),
        );
      }),
    ),
  );
}
