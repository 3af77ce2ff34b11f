// The list panels: effects, inventory, quests, inbox and charts, each drawn from one event's payload.
// A panel keeps saying "nothing yet" until its first event arrives.
import { el, fill } from '../dom.js';

export function remaining(until, now) {
  if (typeof until !== 'number' || now === null) return null;
  const minutes = Math.ceil((until - now) / 60_000);
  if (minutes <= 0) return 'ending';
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return `${[d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean).join(' ')} left`;
}

/** A chart row's change since the last chart: up, down, the same, or new. */
function movement(change) {
  if (typeof change !== 'number') return change === undefined || change === null ? '–' : String(change);
  return change > 0 ? `▲${change}` : change < 0 ? `▼${-change}` : '–';
}

export class ListPanels {
  constructor(doc, clock) {
    this.doc = doc;
    this.clock = clock;
    this.lastEffects = null;
  }

  get(id) {
    return this.doc.getElementById(id);
  }

  /** [{id, name, type, magnitude, until}] from the `effects` answer. */
  effects(list) {
    this.lastEffects = list;
    fill(this.get('effects'), list.map((e) => {
      const left = remaining(e.until, this.clock.gameNow);
      return el('li', { class: `effect ${e.type ?? ''}`, 'data-effect': e.id },
        el('strong', {}, e.name ?? e.id), e.magnitude > 1 ? ` ×${e.magnitude}` : '',
        e.type ? el('span', { class: 'tag' }, e.type) : null, left ? el('span', { class: 'muted' }, ` ${left}`) : null);
    }), 'no effects');
  }

  /** Re-draws the times left when the clock moves. */
  tick() {
    if (this.lastEffects) this.effects(this.lastEffects);
  }

  /** [{id, name, equipped, condition}] from the `inventory` answer. */
  inventory(items) {
    const equipped = items.filter((i) => i.equipped);
    const carried = items.filter((i) => !i.equipped);
    const row = (i) => el('li', { 'data-item': i.id }, i.name,
      i.equipped ? el('span', { class: 'tag' }, i.equipped) : null,
      typeof i.condition === 'number' ? el('span', { class: 'muted' }, ` ${Math.round(i.condition)}%`) : null);
    fill(this.get('inventory'), [
      ...(equipped.length > 0 ? [el('li', { class: 'group' }, 'Equipped')] : []), ...equipped.map(row),
      ...(carried.length > 0 && equipped.length > 0 ? [el('li', { class: 'group' }, 'Carried')] : []), ...carried.map(row),
    ], 'you carry nothing');
  }

  /** {quests:[{id, title, description, step, steps, stepText, done}]} */
  quests(payload) {
    fill(this.get('quests'), (payload.quests ?? []).map((q) => el('li', { class: q.done ? 'done' : '', 'data-quest': q.id },
      el('strong', {}, q.title ?? q.id), q.done ? el('span', { class: 'tag' }, 'done') : null,
      typeof q.steps === 'number' ? el('progress', { max: Math.max(1, q.steps), value: q.done ? q.steps : (q.step ?? 0),
        'aria-label': `${q.title ?? q.id}: step ${q.step ?? 0} of ${q.steps}` }) : null,
      q.stepText || q.description ? el('p', { class: 'muted' }, q.stepText ?? q.description) : null)), 'no quests');
  }

  /** {unread, notices:[{id, text, at, read}]} */
  inbox(payload) {
    const badge = this.get('inbox-unread');
    badge.hidden = !payload.unread;
    badge.textContent = payload.unread ? `${payload.unread} unread` : '';
    // `at` is game time in epoch milliseconds, shown as the game's date and time.
    const when = (at) => (typeof at === 'number' ? new Date(at).toISOString().slice(0, 16).replace('T', ' ') : String(at));
    fill(this.get('inbox'), (payload.notices ?? []).map((n) => el('li', { class: n.read ? 'read' : 'unread' },
      n.text, n.at ? el('span', { class: 'muted' }, ` ${when(n.at)}`) : null)), 'no notices');
  }

  /** {daily:[{rank, song, artist, score, change}], weekly:[...], day} */
  charts(payload) {
    const table = (caption, rows) => el('table', {},
      el('caption', {}, caption),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, '#'), el('th', { scope: 'col' }, 'Song'),
        el('th', { scope: 'col' }, 'Artist'), el('th', { scope: 'col' }, '±'))),
      el('tbody', {}, rows.map((r) => el('tr', {}, el('td', {}, r.rank), el('td', {}, r.song), el('td', {}, r.artist),
        el('td', {}, movement(r.change))))));
    const parts = [];
    const daily = `Daily${payload.day !== undefined ? ` (day ${payload.day})` : ''}`;
    if ((payload.daily ?? []).length > 0) parts.push(table(daily, payload.daily.slice(0, 10)));
    if ((payload.weekly ?? []).length > 0) parts.push(table('Weekly', payload.weekly.slice(0, 10)));
    this.get('charts').replaceChildren(...(parts.length > 0 ? parts : [el('p', { class: 'empty' }, 'the charts are empty')]));
  }
}
