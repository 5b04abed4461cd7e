// One description of markup, two renderers: the server renders it to HTML at build time
// and the island renders the same tree with DOM APIs, so learner text never goes through
// innerHTML and the no-JS page matches what the script later draws.

export interface Element {
  readonly tag: string;
  readonly attrs?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly children?: readonly Node[];
}

export type Node = Element | string;

export function el(
  tag: string,
  attrs: Element['attrs'] = {},
  ...children: readonly (Node | false | null | undefined)[]
): Element {
  return {
    tag,
    attrs,
    children: children.filter((c): c is Node => c !== false && c !== null && c !== undefined),
  };
}

/**
 * Prose from scenarios and the engine marks names with backticks, as Markdown does
 * ("alice can switch to `Developer`"), so the CLI reads well; on the page each pair becomes a
 * <code> element instead of showing the backticks. An unpaired backtick stays as it is.
 */
export function withCode(text: string): Node[] {
  const parts = text.split('`');
  if (parts.length < 3) return [text];
  const nodes: Node[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    const closed = i % 2 === 1 && i < parts.length - 1;
    if (closed) nodes.push(el('code', {}, part));
    else if (i % 2 === 1) nodes.push(`\`${part}`);
    else if (part !== '') nodes.push(part);
  }
  return nodes;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

// INVARIANT: tags and attribute names come from our own code, never from user input;
// only values and text may carry scenario or learner text, and both are escaped.
export function toHtml(node: Node): string {
  if (typeof node === 'string') return escapeHtml(node);
  let attrs = '';
  for (const [name, value] of Object.entries(node.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    attrs += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  const inner = (node.children ?? []).map(toHtml).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

export function toDom(node: Node, doc: Document, inSvg = false): globalThis.Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  const svg = inSvg || node.tag === 'svg';
  const out = svg ? doc.createElementNS(SVG_NS, node.tag) : doc.createElement(node.tag);
  for (const [name, value] of Object.entries(node.attrs ?? {})) {
    if (value === undefined || value === false) continue;
    out.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of node.children ?? []) out.appendChild(toDom(child, doc, svg));
  return out;
}
