/**
 * Building DOM nodes without HTML strings (nothing is ever parsed as markup, so input text can
 * never become elements) and without style attributes (the page's CSP forbids inline styles).
 * @module
 */

type Child = Node | string | number | null | undefined | false;

function append(parent: Element, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'object' ? child : String(child));
  }
}

/**
 * An HTML element with attributes (`class`, `data-*`, …) and children.
 * @example
 * ```ts
 * h('p', { class: 'note' }, 'Hello ', h('code', {}, 'world'));
 * ```
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Readonly<Record<string, string>> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  append(element, children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * An SVG element with attributes and children.
 * @example
 * ```ts
 * svg('rect', { x: '0', y: '0', width: '10', height: '10', class: 'window' });
 * ```
 */
export function svg(tag: string, attributes: Readonly<Record<string, string>> = {}, ...children: Child[]): SVGElement {
  const element = document.createElementNS(SVG, tag) as SVGElement;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  append(element, children);
  return element;
}

/**
 * Replaces the children of `parent`.
 * @example
 * ```ts
 * replace(document.getElementById('decision')!, h('p', {}, 'nothing'));
 * ```
 */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
