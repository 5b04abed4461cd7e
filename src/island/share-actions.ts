// The share panel's buttons: copy the link, copy embed code (the start by default; the
// current state and hiding the solution are options), export progress, and import it into
// the open page at once.
import { t, type Lang } from '../i18n/strings.ts';
import { exportProgress, importProgress, loadSaved, type KeyValueStore } from '../state/storage.ts';
import type { Announcer } from './announce.ts';
import type { SandboxController } from './controller.ts';
import { embedCode } from './embed-code.ts';
import { readInitial, restorable, shareState, shareUrl } from './persistence.ts';

export function shareActions(
  root: HTMLElement,
  controller: SandboxController,
  store: KeyValueStore | null,
  say: Announcer,
  lang: Lang,
): {
  readonly actions: Readonly<Record<string, () => void>>;
  readonly onImport: (event: Event) => void;
} {
  const scenario = controller.scenario;
  const copyBox = root.querySelector<HTMLTextAreaElement>('[data-copy-box]');
  const copy = async (text: string): Promise<void> => {
    if (copyBox !== null) {
      copyBox.value = text;
      copyBox.hidden = false;
    }
    try {
      await navigator.clipboard.writeText(text);
      say.say(t(lang, 'copied'));
    } catch {
      copyBox?.select();
      say.say(t(lang, 'copyFailed'), 'warning');
    }
  };
  const option = (name: string): boolean =>
    root.querySelector<HTMLInputElement>(`[data-embed-option="${name}"]`)?.checked === true;
  const actions = {
    'copy-link': () => {
      void copy(shareUrl(controller));
    },
    'copy-embed': () => {
      void copy(
        embedCode({
          origin: location.origin,
          lang,
          scenarioId: scenario.id,
          title: scenario.title[lang],
          state: option('current') ? shareState(controller) : null,
          hideSolution: option('hide-solution'),
        }),
      );
    },
    export: () => {
      const blob = new Blob([exportProgress(store)], { type: 'application/json' });
      const a = document.createElement('a');
      a.href = URL.createObjectURL(blob);
      a.download = 'iamlab-progress.json';
      a.click();
      setTimeout(() => {
        URL.revokeObjectURL(a.href);
      }, 0);
    },
  };
  const onImport = (event: Event): void => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.dataset['action'] !== 'import') return;
    const file = input.files?.[0];
    if (file === undefined) return;
    void file.text().then((text) => {
      const r = importProgress(store, text);
      input.value = '';
      if (!r.ok) {
        say.say(
          t(lang, r.problem === 'invalid' ? 'importFailed' : 'storageUnavailable'),
          'warning',
        );
        return;
      }
      // The open page shows what was imported at once, not after a reload.
      const loaded = loadSaved(store, scenario.id, scenario.version);
      if (loaded.ok && loaded.saved !== null) {
        const initial = readInitial(scenario, new URL(location.pathname, location.origin), store);
        controller.restore(restorable(scenario, initial.state, loaded.saved));
      }
      say.say(t(lang, 'imported', { count: r.count }));
    });
  };
  return { actions, onImport };
}
