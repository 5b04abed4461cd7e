// One editable policy in the browser: keeps the read-only highlighted view, the findings,
// the plain textarea and (when opened) Monaco showing the same text. While Monaco is open a
// keystroke updates only what the learner sees: the editor's findings and the findings list.
// The plain textarea and the summary follow once typing pauses (the textarea at once if the
// learner turns to it); the read-only view, hidden under the editor, when the editor closes.
import { toDom } from '../dom/tree.ts';
import type { StringKey, Lang } from '../i18n/strings.ts';
import type { Finding, ParsedPolicy, SourceRange } from '../../sandbox/policy/types.ts';
import type { DocumentOptions } from '../../sandbox/world/policy-options.ts';
import { loadEditor, prefersPlainEditor } from '../editor/load.ts';
import type { PolicyEditor } from '../editor/monaco.ts';
import { parseFor } from './core.ts';
import { codeContent, findingsList, policyLabel } from './views/policy.ts';
import { t } from '../i18n/strings.ts';

/** Pause in typing after which the plain textarea and the summary follow an open editor. */
const QUIET_MS = 300;

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
  #parsed: ParsedPolicy | null = null;
  #findings: readonly Finding[] = [];
  /** What the findings list shows, to rebuild it only when that changes (not per keystroke). */
  #findingsShown: string | null = null;
  /** The read-only view, hidden under the open editor, does not show #text / #deciding yet. */
  #codeStale = false;
  /** The plain textarea does not hold #text yet (only while Monaco is open). */
  #plainStale = false;
  /** The summary beside the open editor does not describe #text yet. */
  #summaryStale = false;
  #quiet: ReturnType<typeof setTimeout> | undefined;
  #deciding: SourceRange | null = null;
  #editor: PolicyEditor | null = null;
  #opening = false;
  readonly #pre: HTMLElement | null;
  readonly #slot: HTMLElement | null;
  readonly #hint: HTMLElement | null;
  readonly #button: HTMLButtonElement | null;
  readonly #textarea: HTMLTextAreaElement | null;
  readonly #plain: HTMLDetailsElement | null;
  readonly #findingsBox: HTMLElement | null;

  constructor(o: PolicyPanelOptions) {
    this.#o = o;
    this.#text = o.text;
    this.#pre = o.node.querySelector('pre.sb-code');
    this.#slot = o.node.querySelector('.sb-editor-slot');
    this.#hint = o.node.querySelector('.sb-editor-hint');
    this.#button = o.node.querySelector('button[data-action="edit"]');
    this.#textarea = o.node.querySelector('textarea[data-plain]');
    this.#plain = o.node.querySelector('details.sb-plain');
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
    // Before the learner reads or types in the plain box, it must hold the editor's text.
    this.#textarea?.addEventListener('focus', this.#syncPlain);
    this.#plain?.addEventListener('toggle', this.#syncPlain);
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
    if (this.#plain !== null) this.#plain.open = true;
    this.#textarea?.focus();
  }

  readonly #syncPlain = (): void => {
    if (!this.#plainStale || this.#textarea === null) return;
    this.#plainStale = false;
    this.#textarea.value = this.#text;
  };

  /** What is stale under an open editor follows once typing pauses. */
  #later(): void {
    clearTimeout(this.#quiet);
    this.#quiet = setTimeout(() => {
      this.#quiet = undefined;
      this.#syncPlain();
      if (this.#summaryStale && this.#editor !== null) this.#renderSummary();
    }, QUIET_MS);
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
      if (this.#parsed !== null) this.#editor.setPolicy(this.#parsed);
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
    clearTimeout(this.#quiet);
    this.#quiet = undefined;
    this.#editor?.dispose();
    this.#editor = null;
    this.#syncPlain();
    if (this.#codeStale) this.#renderCode();
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
    if (from !== 'textarea' && this.#textarea !== null) {
      if (this.#editor === null) this.#textarea.value = text;
      else this.#plainStale = true;
    }
    if (from !== 'monaco') this.#editor?.setText(text);
    this.#render(from === 'monaco');
    if (this.#editor !== null) {
      this.#summaryStale = true;
      this.#later();
    }
    if (from !== 'outside') this.#o.onChange(text);
  }

  /** A change from outside (solution, reset, undo): shown everywhere, not reported back. */
  setText(text: string): void {
    this.#update(text, 'outside');
  }

  highlight(range: SourceRange | null): void {
    this.#deciding = range;
    this.#editor?.highlight(range);
    // The open editor shows the deciding statement itself.
    if (this.#editor === null) this.#renderCode();
    else this.#codeStale = true;
  }

  /** `typing`: an edit in the open editor, which hides the read-only view until it closes. */
  #render(typing = false): void {
    this.#parsed = parseFor(this.#text, this.#o.parseOptions);
    this.#findings = this.#parsed.findings;
    this.#editor?.setPolicy(this.#parsed);
    const lang = this.#o.lang;
    const shown = this.#findings
      .map((f) => `${f.severity} ${f.code} ${String(f.position?.line)} ${f.message[lang]}`)
      .join('\n');
    if (shown !== this.#findingsShown) {
      this.#findingsShown = shown;
      this.#findingsBox?.replaceChildren(toDom(findingsList(this.#findings, lang), document));
    }
    this.#o.node.dataset['findings'] = String(this.#findings.length);
    if (typing) this.#codeStale = true;
    else this.#renderCode();
  }

  #renderCode(): void {
    this.#codeStale = false;
    const code = this.#pre?.querySelector('code');
    code?.replaceWith(toDom(codeContent(this.#text, this.#deciding ?? undefined), document));
  }

  /** The summary of what the policy grants, next to the open editor; latest text wins. */
  #renderSummary(): void {
    this.#summaryStale = false;
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
    clearTimeout(this.#quiet);
    this.#button?.removeEventListener('click', this.#toggle);
    this.#textarea?.removeEventListener('input', this.#onTextarea);
    this.#textarea?.removeEventListener('focus', this.#syncPlain);
    this.#plain?.removeEventListener('toggle', this.#syncPlain);
    this.#editor?.dispose();
    this.#editor = null;
  }
}
