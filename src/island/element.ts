// The only script a chapter page runs before the learner touches a sandbox: it defines
// <iamlab-sandbox>, reveals the controls that need JavaScript, and loads the simulator
// (./app.ts, with the core) on the first sign of interaction. A click that arrives before
// the simulator is replayed once it has mounted, so nothing the learner does is lost.

interface Mounted {
  dispose(): void;
}

const STORAGE_PREFIX = 'iamlab:sandbox:';
const WAKE_EVENTS = ['pointerenter', 'focusin', 'touchstart', 'click'] as const;

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
      // Mounting may re-render the panel the button sits in: find its successor by position.
      const all = (): Element[] => [...this.querySelectorAll('button, [data-action]')];
      const index = all().indexOf(target);
      const action = target.getAttribute('data-action');
      void this.boot().then(() => {
        const now = target.isConnected ? target : all()[index];
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
    // A shared link or saved edits must show at once, not after a first touch.
    if (this.#hasStateToRestore()) void this.boot();
  }

  disconnectedCallback(): void {
    this.#disconnected = true;
    this.#mounted?.dispose();
    this.#mounted = null;
    this.#booting = null;
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
