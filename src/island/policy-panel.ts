// One editable policy in the browser: keeps the read-only highlighted view, the findings,
// the plain textarea and (when opened) Monaco showing the same text. Once the learner starts
// editing it, in Monaco or in the plain textarea (the editor of touch phones), the findings
// list shows the same findings as Monaco's underlines: `policyFindings` of the panel's own
// parse, with AWS's action catalog (src/editor/catalog-client.ts, loaded then, not before),
// and the policy summary stands beside whichever editor it is. A keystroke updates at once
// only Monaco's findings (or the read-only view above the textarea); the findings list, the
// plain textarea and the summary follow once typing pauses (the textarea at once if the
// learner turns to it); the read-only view, hidden under the editor, when the editor closes.
import { toDom } from '../dom/tree.ts';
import type { StringKey, Lang } from '../i18n/strings.ts';
import type { Finding, ParsedPolicy, SourceRange } from '../../sandbox/policy/types.ts';
import type { DocumentOptions } from '../../sandbox/world/policy-options.ts';
import type { catalogFindings } from '../editor/catalog-client.ts';
import { loadCatalogAids, loadEditor, prefersPlainEditor } from '../editor/load.ts';
import type { PolicyEditor } from '../editor/monaco.ts';
import { parseFor } from './core.ts';
import { codeContent, findingsList, policyLabel } from './views/policy.ts';
import { t } from '../i18n/strings.ts';

/** Pause in typing after which the findings list, the plain textarea and the summary follow. */
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
  /** What the findings list shows, to rebuild it only when that changes (not per keystroke). */
  #findingsShown: string | null = null;
  /** The findings list does not describe #text yet (typing: it follows once typing pauses). */
  #findingsStale = false;
  /** The learner has started editing this policy: the catalog client is loaded or on its way. */
  #editing = false;
  /** The findings with AWS's catalog, once the catalog client has loaded (editing started). */
  #lint: typeof catalogFindings | null = null;
  /** The learner has focused or typed in the plain textarea: the summary shows beside it. */
  #plainEditing = false;
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
    this.#textarea?.addEventListener('focus', this.#onPlainFocus);
    this.#plain?.addEventListener('toggle', this.#onPlainToggle);
    this.#render('outside');
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
    this.#startPlainEditing();
  };

  readonly #onPlainFocus = (): void => {
    this.#syncPlain();
    this.#startPlainEditing();
  };

  readonly #onPlainToggle = (): void => {
    this.#syncPlain();
    // The summary in the closed box was left as it was; reopened, it describes the text again.
    if (this.#plain?.open === true && this.#editor === null && this.#plainEditing)
      this.#renderSummary();
  };

  /** Focus or input in the plain textarea: editing starts there (a phone's only editor). */
  #startPlainEditing(): void {
    if (this.#plainEditing) return;
    this.#plainEditing = true;
    this.#startEditing();
    if (this.#summaryShown()) this.#renderSummary();
  }

  /**
   * The learner starts editing this policy (Monaco opened, or the plain textarea focused or
   * typed in): from now on the findings list includes the catalog's findings. The client is
   * loaded now, and the catalog's files with the first findings asked of it; no sooner.
   */
  #startEditing(): void {
    if (this.#editing) return;
    this.#editing = true;
    loadCatalogAids()
      .then((aids) => {
        this.#lint = aids.catalogFindings;
        this.#renderFindings();
      })
      .catch(() => {
        // Offline after a deploy: the parser's findings stand alone; a later edit tries again.
        this.#editing = false;
      });
  }

  /** The summary shows beside the open editor, or in the open plain box once edited there. */
  #summaryShown(): boolean {
    return this.#editor !== null || (this.#plainEditing && this.#plain?.open === true);
  }

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
      if (this.#findingsStale) this.#renderFindings();
      if (this.#summaryStale && this.#summaryShown()) this.#renderSummary();
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
      this.#startEditing();
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
    if (this.#findingsStale) this.#renderFindings();
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
    // Edited in the open plain box too: the summary moves there.
    if (this.#summaryShown()) this.#renderSummary();
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
    this.#render(from);
    if (this.#summaryShown()) this.#summaryStale = true;
    if (this.#findingsStale || this.#summaryStale || this.#plainStale) this.#later();
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

  /**
   * Parses the text once, with the engine's options, for the open editor and the findings list
   * alike. Typing (`monaco`, `textarea`) leaves the findings list to the pause after it; typing
   * in the open editor also leaves the read-only view, hidden under it, until it closes.
   */
  #render(from: 'monaco' | 'textarea' | 'outside'): void {
    this.#parsed = parseFor(this.#text, this.#o.parseOptions);
    this.#editor?.setPolicy(this.#parsed);
    if (from === 'outside') this.#renderFindings();
    else this.#findingsStale = true;
    if (from === 'monaco') this.#codeStale = true;
    else this.#renderCode();
  }

  /**
   * The findings list: the parser's findings until editing starts, then `catalogFindings`,
   * i.e. `policyFindings` of the same parse the open editor underlines, with AWS's catalog
   * (services the policy names that are still loading join the list when they arrive).
   */
  #renderFindings(): void {
    this.#findingsStale = false;
    const parsed = this.#parsed;
    if (parsed === null) return;
    if (this.#lint === null) {
      this.#showFindings(parsed.findings);
      return;
    }
    this.#showFindings(
      this.#lint(parsed, (findings) => {
        if (parsed === this.#parsed && !this.#findingsStale) this.#showFindings(findings);
      }),
    );
  }

  #showFindings(findings: readonly Finding[]): void {
    const lang = this.#o.lang;
    const shown = findings
      .map((f) => `${f.severity} ${f.code} ${String(f.position?.line)} ${f.message[lang]}`)
      .join('\n');
    if (shown !== this.#findingsShown) {
      this.#findingsShown = shown;
      this.#findingsBox?.replaceChildren(toDom(findingsList(findings, lang), document));
    }
    this.#o.node.dataset['findings'] = String(findings.length);
  }

  #renderCode(): void {
    this.#codeStale = false;
    const code = this.#pre?.querySelector('code');
    code?.replaceWith(toDom(codeContent(this.#text, this.#deciding ?? undefined), document));
  }

  /**
   * The summary of what the policy grants, below the open editor, or below the plain textarea
   * while the learner edits there; latest text wins.
   */
  #renderSummary(): void {
    this.#summaryStale = false;
    const text = this.#text;
    const policy = this.#parsed;
    if (policy === null) return;
    void loadCatalogAids()
      .then((m) => m.summaryFor(policy, this.#o.lang))
      .then((tree) => {
        if (text !== this.#text || !this.#summaryShown()) return;
        const anchor = this.#editor !== null ? this.#slot : this.#textarea;
        if (anchor === null) return;
        let box = this.#o.node.querySelector('[data-summary]');
        if (box === null) {
          box = document.createElement('div');
          box.setAttribute('data-summary', '');
        }
        if (anchor.nextElementSibling !== box) anchor.after(box);
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
    this.#textarea?.removeEventListener('focus', this.#onPlainFocus);
    this.#plain?.removeEventListener('toggle', this.#onPlainToggle);
    this.#editor?.dispose();
    this.#editor = null;
  }
}
