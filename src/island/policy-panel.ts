// One editable policy in the browser: keeps the read-only highlighted view, the findings,
// the plain textarea and (when opened) Monaco showing the same text.
import { toDom } from '../dom/tree.ts';
import type { StringKey, Lang } from '../i18n/strings.ts';
import type { Finding, SourceRange } from '../../sandbox/policy/types.ts';
import type { DocumentOptions } from '../../sandbox/world/policy-options.ts';
import { loadEditor, prefersPlainEditor } from '../editor/load.ts';
import type { PolicyEditor } from '../editor/monaco.ts';
import { findingsFor } from './core.ts';
import { codeContent, findingsList, policyLabel } from './views/policy.ts';
import { t } from '../i18n/strings.ts';

export interface PolicyPanelOptions {
  readonly node: HTMLElement;
  readonly docId: string;
  readonly scenarioId: string;
  /**
   * How the engine parses this document (`documentPolicyOptions(world, docId)` from
   * sandbox/world/policy-options.ts): its kind and the findings follow from these.
   */
  readonly parseOptions: DocumentOptions;
  /** The owner label, e.g. `dev (222222222222) › role Deploy`. */
  readonly name: string;
  readonly lang: Lang;
  readonly readOnly: boolean;
  readonly text: string;
  readonly onChange: (text: string) => void;
  readonly say: (key: StringKey) => void;
}

export class PolicyPanel {
  readonly #o: PolicyPanelOptions;
  #text: string;
  #findings: readonly Finding[] = [];
  #deciding: SourceRange | null = null;
  #editor: PolicyEditor | null = null;
  #opening = false;
  readonly #pre: HTMLElement | null;
  readonly #slot: HTMLElement | null;
  readonly #hint: HTMLElement | null;
  readonly #button: HTMLButtonElement | null;
  readonly #textarea: HTMLTextAreaElement | null;
  readonly #findingsBox: HTMLElement | null;

  constructor(o: PolicyPanelOptions) {
    this.#o = o;
    this.#text = o.text;
    this.#pre = o.node.querySelector('pre.sb-code');
    this.#slot = o.node.querySelector('.sb-editor-slot');
    this.#hint = o.node.querySelector('.sb-editor-hint');
    this.#button = o.node.querySelector('button[data-action="edit"]');
    this.#textarea = o.node.querySelector('textarea[data-plain]');
    // The build rendered the start; a link or saved work may hold other text, and the plain
    // box must show what the code above it shows, or one keystroke there would undo it.
    if (this.#textarea !== null && this.#textarea.value !== o.text) this.#textarea.value = o.text;
    this.#findingsBox = o.node.querySelector('[data-findings]');
    if (o.readOnly) {
      if (this.#button !== null) this.#button.hidden = true;
      o.node.querySelector('details.sb-plain')?.remove();
    }
    this.#button?.addEventListener('click', this.#toggle);
    this.#textarea?.addEventListener('input', this.#onTextarea);
    this.#render();
  }

  readonly #toggle = (event: Event): void => {
    event.stopPropagation();
    if (this.#editor !== null) {
      this.#close();
      return;
    }
    if (prefersPlainEditor() || this.#textarea === null) {
      this.#openPlain();
      return;
    }
    void this.#openMonaco();
  };

  readonly #onTextarea = (): void => {
    if (this.#textarea === null) return;
    this.#update(this.#textarea.value, 'textarea');
  };

  #openPlain(): void {
    const details = this.#o.node.querySelector('details.sb-plain');
    if (details instanceof HTMLDetailsElement) details.open = true;
    this.#textarea?.focus();
  }

  async #openMonaco(): Promise<void> {
    if (this.#opening || this.#slot === null) return;
    this.#opening = true;
    const button = this.#button;
    if (button !== null) button.textContent = t(this.#o.lang, 'editorLoading');
    try {
      const create = await loadEditor();
      this.#slot.hidden = false;
      this.#editor = create({
        container: this.#slot,
        text: this.#text,
        id: `${this.#o.scenarioId}/${this.#o.docId}`,
        kind: this.#o.parseOptions.kind,
        label: policyLabel({ kind: this.#o.parseOptions.kind, owner: this.#o.name }, this.#o.lang),
        lang: this.#o.lang,
        onChange: (text) => {
          this.#update(text, 'monaco');
        },
        onEscape: () => {
          this.#button?.focus();
        },
      });
      this.#editor.setFindings(this.#findings);
      this.#editor.highlight(this.#deciding);
      if (this.#pre !== null) this.#pre.hidden = true;
      if (this.#hint !== null) this.#hint.hidden = false;
      this.#o.node.dataset['editing'] = 'monaco';
      // The area where the learner edits the current document (a hook for tests and tools).
      this.#slot.dataset['editor'] = this.#o.docId;
      if (button !== null) button.textContent = t(this.#o.lang, 'doneEditing');
      this.#editor.focus();
      this.#renderSummary();
    } catch {
      this.#slot.hidden = true;
      if (button !== null) button.textContent = t(this.#o.lang, 'edit');
      this.#o.say('editorFailed');
      this.#openPlain();
    } finally {
      this.#opening = false;
    }
  }

  #close(): void {
    this.#editor?.dispose();
    this.#editor = null;
    if (this.#slot !== null) {
      this.#slot.hidden = true;
      delete this.#slot.dataset['editor'];
      this.#slot.replaceChildren();
    }
    if (this.#pre !== null) this.#pre.hidden = false;
    if (this.#hint !== null) this.#hint.hidden = true;
    delete this.#o.node.dataset['editing'];
    this.#o.node.querySelector('[data-summary]')?.remove();
    if (this.#button !== null) {
      this.#button.textContent = t(this.#o.lang, 'editPolicy', {
        name: t(this.#o.lang, `kind_${this.#o.parseOptions.kind}`),
      });
      this.#button.focus();
    }
  }

  #update(text: string, from: 'monaco' | 'textarea' | 'outside'): void {
    if (text === this.#text) return;
    this.#text = text;
    this.#deciding = null;
    if (from !== 'textarea' && this.#textarea !== null) this.#textarea.value = text;
    if (from !== 'monaco') this.#editor?.setText(text);
    this.#render();
    if (this.#editor !== null) this.#renderSummary();
    if (from !== 'outside') this.#o.onChange(text);
  }

  /** A change from outside (solution, reset, undo): shown everywhere, not reported back. */
  setText(text: string): void {
    this.#update(text, 'outside');
  }

  highlight(range: SourceRange | null): void {
    this.#deciding = range;
    this.#editor?.highlight(range);
    this.#renderCode();
  }

  #render(): void {
    this.#findings = findingsFor(this.#text, this.#o.parseOptions);
    this.#editor?.setFindings(this.#findings);
    this.#findingsBox?.replaceChildren(toDom(findingsList(this.#findings, this.#o.lang), document));
    this.#o.node.dataset['findings'] = String(this.#findings.length);
    this.#renderCode();
  }

  #renderCode(): void {
    const code = this.#pre?.querySelector('code');
    code?.replaceWith(toDom(codeContent(this.#text, this.#deciding ?? undefined), document));
  }

  /** The summary of what the policy grants, next to the open editor; latest text wins. */
  #renderSummary(): void {
    const text = this.#text;
    void import('../editor/summary.ts')
      .then((m) => m.summaryFor(text, this.#o.parseOptions.kind, this.#o.lang))
      .then((tree) => {
        if (text !== this.#text || this.#editor === null) return;
        let box = this.#o.node.querySelector('[data-summary]');
        if (box === null) {
          box = document.createElement('div');
          box.setAttribute('data-summary', '');
          this.#slot?.after(box);
        }
        box.replaceChildren(...(tree === null ? [] : [toDom(tree, document)]));
      })
      .catch(() => {
        // The catalog could not load (offline after a deploy): the editor works without it.
      });
  }

  dispose(): void {
    this.#button?.removeEventListener('click', this.#toggle);
    this.#textarea?.removeEventListener('input', this.#onTextarea);
    this.#editor?.dispose();
    this.#editor = null;
  }
}
