// The only script a chapter page runs before the learner touches a sandbox: it defines
// <iamlab-sandbox>, reveals the controls that need JavaScript, and loads the simulator
// (./app.ts, with the core) on the first sign of interaction. A click that arrives before
// the simulator is replayed once it has mounted, so nothing the learner does is lost.

import type { Mounted } from './app.ts';

const STORAGE_PREFIX = 'iamlab:sandbox:';
const WAKE_EVENTS = ['pointerenter', 'focusin', 'touchstart', 'click'] as const;

/** Attributes that say what a button does, the same before and after mounting. */
const IDENTITY = ['id', 'data-run', 'data-action', 'data-doc', 'data-goal-id', 'data-session'];

/** A selector for the button that does what `button` does, or `null` when nothing says. */
function sameButton(button: Element): string | null {
  const parts = IDENTITY.filter((name) => button.hasAttribute(name)).map(
    (name) => `[${name}="${CSS.escape(button.getAttribute(name) ?? '')}"]`,
  );
  return parts.length === 0 ? null : `${button.localName}${parts.join('')}`;
}

class IamlabSandbox extends HTMLElement {
  #mounted: Mounted | null = null;
  #booting: Promise<void> | null = null;
  #disconnected = false;
  readonly #wake = (event: Event): void => {
    const target =
      event.target instanceof Element ? event.target.closest('button, [data-action]') : null;
    if (event.type === 'click' && target !== null) {
      event.preventDefault();
      event.stopPropagation();
      // Mounting may re-render the panel the button sits in: find its successor by what it
      // does (Run, an action on a document, a goal), and only failing that by position, since
      // adopting early input can add or remove buttons before it (a preset's calls).
      const all = (): Element[] => [...this.querySelectorAll('button, [data-action]')];
      const index = all().indexOf(target);
      const action = target.getAttribute('data-action');
      const same = sameButton(target);
      void this.boot().then(() => {
        const now = target.isConnected
          ? target
          : ((same === null ? null : this.querySelector(same)) ?? all()[index]);
        if (now instanceof HTMLElement && now.getAttribute('data-action') === action) now.click();
      });
      return;
    }
    void this.boot();
  };

  connectedCallback(): void {
    this.#disconnected = false;
    for (const node of this.querySelectorAll<HTMLElement>('[data-needs-js]')) node.hidden = false;
    for (const type of WAKE_EVENTS) {
      this.addEventListener(type, this.#wake, { capture: true, passive: type !== 'click' });
    }
    // A shared link or saved edits must show at once, not after a first touch; unless the
    // playground's world editor holds a saved world, on which it mounts this sandbox itself.
    if (this.#hasStateToRestore() && !this.#worldEditorTakesOver()) void this.boot();
  }

  disconnectedCallback(): void {
    this.#disconnected = true;
    this.#mounted?.dispose();
    this.#mounted = null;
    this.#booting = null;
  }

  #worldEditorTakesOver(): boolean {
    const key = this.dataset['worldKey'];
    try {
      return key !== undefined && localStorage.getItem(key) !== null;
    } catch {
      return false;
    }
  }

  #hasStateToRestore(): boolean {
    const id = this.dataset['sandbox'] ?? '';
    if (new URL(location.href).searchParams.has(`sb-${id}`)) return true;
    try {
      return (
        localStorage.getItem(`${STORAGE_PREFIX}${id}@${this.dataset['version'] ?? ''}`) !== null
      );
    } catch {
      return false;
    }
  }

  /** The mounted sandbox once booted (the playground's world editor reads the attempt). */
  async mounted(): Promise<Mounted | null> {
    await this.boot();
    return this.#mounted;
  }

  /**
   * The playground's world editor swaps the world: `next` disposes what `previous` mounted and
   * mounts again. Before a first boot it mounts directly, so the page's built-in world is
   * never mounted (and saved over) only to be replaced.
   */
  async remount(next: (previous: Mounted | null) => Mounted): Promise<void> {
    if (this.#booting !== null) await this.#booting;
    if (this.#disconnected) return;
    this.#mounted = next(this.#mounted);
    this.dataset['ready'] = 'true';
    this.#booting ??= Promise.resolve();
    for (const type of WAKE_EVENTS) this.removeEventListener(type, this.#wake, { capture: true });
  }

  boot(): Promise<void> {
    this.#booting ??= (async () => {
      this.setAttribute('aria-busy', 'true');
      try {
        const { mountSandbox } = await import('./app.ts');
        if (this.#disconnected) return;
        this.#mounted = mountSandbox(this);
        this.dataset['ready'] = 'true';
      } catch (error) {
        const notices = this.querySelector('[data-notices]');
        const message = error instanceof Error ? error.message : String(error);
        if (notices !== null) {
          // The stylesheet draws the warning sign (.sb-notice.is-warning::before).
          const p = document.createElement('p');
          p.className = 'sb-notice is-warning';
          p.textContent = `${this.dataset['failed'] ?? ''} ${message}`;
          notices.replaceChildren(p);
        }
      } finally {
        // Only now: clicks that arrive while the app loads must still be caught and replayed.
        for (const type of WAKE_EVENTS)
          this.removeEventListener(type, this.#wake, { capture: true });
        this.removeAttribute('aria-busy');
      }
    })();
    return this.#booting;
  }
}

if (customElements.get('iamlab-sandbox') === undefined)
  customElements.define('iamlab-sandbox', IamlabSandbox);
