// The game clock: the `clock` event ({day, hour, minute, weekday, season, year, night}) sets the panel,
// the header line and the page's theme, which follows the hour (night, dawn, day, dusk). Before the
// first `clock` event the time read once from /health stands in. It also keeps an estimate of the
// game time in epoch milliseconds, which the effects panel needs to show what time remains.
import { el } from '../dom.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const pad = (n) => String(n).padStart(2, '0');

export function phaseOf(hour, night) {
  if (hour >= 5 && hour < 8) return 'dawn';
  if (hour >= 8 && hour < 18) return 'day';
  if (hour >= 18 && hour < 21) return 'dusk';
  if (night === false) return 'day';
  return 'night';
}

export class ClockPanel {
  constructor(root, line, body, onChange) {
    this.root = root;
    this.line = line;
    this.body = body;
    this.onChange = onChange;
    this.gameNow = null;
  }

  /** The game time read from /health (an ISO string), used until a `clock` event arrives. */
  seed(iso) {
    const millis = Date.parse(iso);
    if (Number.isNaN(millis) || this.gameNow !== null) return;
    this.gameNow = millis;
    const d = new Date(millis);
    this.show({ hour: d.getUTCHours(), minute: d.getUTCMinutes() });
  }

  update(clock) {
    if (!clock || typeof clock.hour !== 'number') return;
    const minuteOfDay = (clock.hour * 60 + (clock.minute ?? 0)) * 60_000;
    if (typeof clock.now === 'number') {
      this.gameNow = clock.now;
    } else if (this.gameNow !== null) {
      // The event names the time of day: keep the date we know, rolling over midnight.
      let next = Math.floor(this.gameNow / DAY) * DAY + minuteOfDay;
      if (next < this.gameNow - HOUR) next += DAY;
      this.gameNow = next;
    }
    this.show(clock);
  }

  show(clock) {
    const time = `${pad(clock.hour)}:${pad(clock.minute ?? 0)}`;
    const phase = phaseOf(clock.hour, clock.night);
    this.body.dataset.phase = phase;
    const when = [clock.weekday, clock.day !== undefined ? `day ${clock.day}` : null].filter(Boolean).join(', ');
    this.line.textContent = [time, when, clock.season].filter(Boolean).join(' · ');
    this.root.replaceChildren(el('p', { class: 'time' }, time, ' ', el('span', { class: 'phase' }, phase)),
      el('dl', { class: 'stats' },
        clock.weekday ? [el('dt', {}, 'Day'), el('dd', {}, clock.weekday)] : null,
        clock.day !== undefined
          ? [el('dt', {}, 'Date'), el('dd', {}, `day ${clock.day}${clock.year ? `, year ${clock.year}` : ''}`)] : null,
        clock.season ? [el('dt', {}, 'Season'), el('dd', { 'data-season': clock.season }, clock.season)] : null));
    this.onChange?.();
  }
}
