// What the live region says when something happens in the controller: the verdict with
// AWS's error, the stepper's gate, a goal flipping, an exercise solved, a hint, the clock.
import { t, type Lang } from '../i18n/strings.ts';
import type { ControllerEvent } from './controller.ts';
import { decisionWords } from './views/attempt.ts';

export function eventWords(
  event: ControllerEvent,
  lang: Lang,
): { readonly text: string; readonly tone: 'info' | 'warning' } {
  switch (event.type) {
    case 'ran': {
      const last = event.run.result.steps.at(-1)?.outcome;
      const words = decisionWords(event.run.decision, lang);
      return {
        text:
          last === undefined || last.ok
            ? words
            : `${words}. ${last.error.code}: ${last.error.message}`,
        tone: event.run.decision === 'allowed' ? 'info' : 'warning',
      };
    }
    case 'stepped':
      return { text: t(lang, `step_${event.active}`), tone: 'info' };
    case 'goalFlipped':
      return {
        text: t(lang, event.goal.met ? 'goalFlippedMet' : 'goalFlippedUnmet', {
          title: event.goal.title[lang],
        }),
        tone: 'info',
      };
    case 'exerciseSolved':
      return { text: `${event.exercise.title[lang]}: ${t(lang, 'exerciseSolved')}`, tone: 'info' };
    case 'solved':
      return { text: t(lang, 'solved'), tone: 'info' };
    case 'hint':
      return { text: event.hint[lang], tone: 'info' };
    case 'clock': {
      const time = t(lang, 'clock', { time: new Date(event.now).toISOString() });
      const expired = event.expired > 0 ? ` — ${t(lang, 'expired')}: ${String(event.expired)}` : '';
      return { text: `${time}${expired}`, tone: 'info' };
    }
  }
}
