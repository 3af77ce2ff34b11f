// Building DOM nodes from data. Text always goes in as text nodes, never as HTML: payloads come from
// other players and from scripts.

/** el('li', {class: 'x'}, 'text', child) */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

/** Replaces a list's items, or shows its "nothing" text when there are none. */
export function fill(list, items, emptyText = list.dataset.empty ?? 'nothing yet') {
  list.replaceChildren(...(items.length > 0 ? items : [el('li', { class: 'empty' }, emptyText)]));
}

/** A labelled progress bar: <label> plus <progress> (announced with its value by screen readers). */
export function bar(label, value, max, text) {
  const id = `bar-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return el('div', { class: 'bar' },
    el('label', { for: id }, el('span', {}, label), el('span', { class: 'value' }, text)),
    el('progress', { id, max: Math.max(1, max), value: Math.max(0, Math.min(value, max)) }));
}
