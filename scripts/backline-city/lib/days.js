// Game days for the career rules: bookings, charts and the market count whole game days since the
// game-time epoch (day 0 starts at 1970-01-01 00:00 game time), which is also when `pack.every('1d')`
// fires. Players see the city calendar's day numbers (lib/calendar.js): "day 12".
import { seasonAt } from './events.js';
import { calendarAt } from './calendar.js';

export const DAY = 86_400_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const FULL_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export function dayOf(millis) {
  return Math.floor(millis / DAY);
}

export function today() {
  return dayOf(game.now());
}

export function startOf(day) {
  return day * DAY;
}

/** 0 (Sunday) .. 6 (Saturday). */
export function weekdayOf(day) {
  return new Date(startOf(day)).getUTCDay();
}

export function seasonOf(day) {
  return seasonAt(startOf(day));
}

/** The city calendar's number of a day (what `time` shows). */
export function calendarDay(day) {
  return calendarAt(startOf(day)).day;
}

/** "Fri, day 14" */
export function dayLabel(day) {
  const wd = WEEKDAYS[weekdayOf(day)];
  return `${wd[0].toUpperCase()}${wd.slice(1)}, day ${calendarDay(day)}`;
}

/**
 * The day a player means, from today up to `maxAhead` days ahead: "today", "tomorrow", a weekday
 * ("fri", "friday"), "+3" (days from now), or the calendar's day number ("14" or "day14"); null if none fits.
 */
export function parseDay(word, from, maxAhead) {
  const w = (word ?? '').toLowerCase();
  if (w === 'today') return from;
  if (w === 'tomorrow') return from + 1;
  const plus = /^\+(\d{1,3})$/.exec(w);
  if (plus) return Number(plus[1]) <= maxAhead ? from + Number(plus[1]) : null;
  const wd = w.length >= 3 ? FULL_WEEKDAYS.findIndex((d) => d.startsWith(w)) : -1;
  for (let n = 0; n <= maxAhead; n += 1) {
    const day = from + n;
    if (wd >= 0 && weekdayOf(day) === wd) return day;
    if (/^(day)?\d{1,6}$/.test(w) && calendarDay(day) === Number(w.replace('day', ''))) return day;
  }
  return null;
}
