// <iamlab-world-editor>: the only world-editor script a playground page runs up front. It
// reveals the forms and loads the editor (./editor.ts, with the simulator) when the learner
// comes near them, or at once when a world saved on an earlier visit must be shown. A form
// sent before the editor loaded is sent again once it has.
const WAKE_EVENTS = ['pointerenter', 'focusin', 'touchstart'] as const;

class IamlabWorldEditor extends HTMLElement {
  #booting: Promise<void> | null = null;
  readonly #wake = (): void => {
    void this.boot();
  };
  readonly #early = (event: SubmitEvent): void => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || this.#ready) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    void this.boot().then(() => {
      form.requestSubmit();
    });
  };
  #ready = false;

  connectedCallback(): void {
    for (const node of this.querySelectorAll<HTMLElement>('[data-needs-js]')) node.hidden = false;
    for (const node of this.querySelectorAll<HTMLElement>('[data-needs-js-note]'))
      node.hidden = true;
    for (const type of WAKE_EVENTS) this.addEventListener(type, this.#wake, { passive: true });
    this.addEventListener('submit', this.#early, { capture: true });
    if (this.#hasSavedWorld()) void this.boot();
  }

  #hasSavedWorld(): boolean {
    try {
      return localStorage.getItem(this.dataset['worldKey'] ?? '') !== null;
    } catch {
      return false;
    }
  }

  boot(): Promise<void> {
    this.#booting ??= (async () => {
      const { mountWorldEditor } = await import('./editor.ts');
      mountWorldEditor(this);
      this.#ready = true;
      this.dataset['ready'] = 'true';
      for (const type of WAKE_EVENTS) this.removeEventListener(type, this.#wake);
    })();
    return this.#booting;
  }
}

if (customElements.get('iamlab-world-editor') === undefined)
  customElements.define('iamlab-world-editor', IamlabWorldEditor);
