// The character sheet, kept from `stat_update` events (each carries only what changed, the first one
// everything) and from the `stats`/`skills` answers' payloads ({sheet}, {skills}).
import { bar, el } from '../dom.js';

const MONEY = new Set(['cash']);
const title = (key) => key.replace(/[-_]/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
const round = (n) => (typeof n === 'number' ? Math.round(n * 10) / 10 : n);

function merge(into, change) {
  for (const [key, value] of Object.entries(change)) {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)
        && into[key] !== null && typeof into[key] === 'object') {
      merge(into[key], value);
    } else {
      into[key] = value;
    }
  }
  return into;
}

export class SheetPanel {
  constructor(root) {
    this.root = root;
    this.state = null;
    this.busy = null;
  }

  /** A stat_update payload, or a full sheet. */
  update(change) {
    if (!change || typeof change !== 'object') return;
    this.state = merge(this.state ?? {}, structuredClone(change));
    this.render();
  }

  skills(skills) {
    this.update({ skills });
  }

  setBusy(busy) {
    this.busy = busy ?? null;
    this.render();
  }

  render() {
    const s = this.state;
    if (!s) return;
    const maxKey = (k) => `max${k[0].toUpperCase()}${k.slice(1)}`;
    const vitals = Object.keys(s).filter((k) => typeof s[k] === 'number' && typeof s[maxKey(k)] === 'number');
    const isMax = (k) => /^max[A-Z]/.test(k);
    const others = Object.keys(s).filter((k) => typeof s[k] === 'number' && !vitals.includes(k) && !isMax(k));
    const stats = others.filter((k) => !MONEY.has(k) && k !== 'fame');
    const parts = [];
    if (stats.length > 0) {
      parts.push(el('dl', { class: 'stats' }, stats.flatMap((k) => [el('dt', {}, title(k)),
        el('dd', { 'data-stat': k }, round(s[k]))])));
    }
    parts.push(el('div', { class: 'vitals' }, vitals.map((k) => {
      const text = k === 'burnout' ? `${round(s[k])}%` : `${round(s[k])}/${round(s[maxKey(k)])}`;
      const node = bar(title(k), s[k], s[maxKey(k)], text);
      node.dataset.stat = k;
      if (k === 'burnout' && s[k] >= 60) node.classList.add('warn');
      return node;
    })));
    const money = others.filter((k) => MONEY.has(k) || k === 'fame');
    if (money.length > 0) {
      parts.push(el('p', { class: 'money' }, money.map((k) => el('span', { 'data-stat': k },
        `${title(k)} ${MONEY.has(k) ? '$' : ''}${round(s[k])}`))));
    }
    if (s.skills && typeof s.skills === 'object') {
      parts.push(el('h3', {}, 'Skills'));
      parts.push(el('ul', { class: 'skills plain' }, Object.entries(s.skills).map(([id, k]) => {
        const bonus = typeof k.effective === 'number' && k.effective !== k.level
          ? ` (${k.effective > k.level ? '+' : ''}${round(k.effective - k.level)})` : '';
        const progress = k.next === null || k.next === undefined ? 'mastered' : `${round(k.xp)}/${k.next} XP`;
        return el('li', { 'data-skill': id },
          bar(`${title(id)} ${k.level ?? '?'}${bonus}`, k.next ? k.xp : 1, k.next ?? 1, progress));
      })));
    }
    if (this.busy) parts.push(el('p', { class: 'busy' }, `Busy: ${this.busy.doing}.`));
    this.root.replaceChildren(...parts);
  }
}
