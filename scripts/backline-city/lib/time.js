// Game time: reading durations written in the data files, and showing times and durations to players.

const UNITS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };
export const HOUR = UNITS.h;

/** "90m", "8h", "1d 6h" or a number of milliseconds, as milliseconds; NaN if malformed. */
export function ms(duration) {
  if (typeof duration === 'number') return duration;
  if (typeof duration !== 'string' || duration.trim() === '') return NaN;
  let total = 0;
  for (const part of duration.trim().split(/\s+/)) {
    const m = /^(\d+(?:\.\d+)?)([smhdw])$/.exec(part);
    if (!m) return NaN;
    total += Number(m[1]) * UNITS[m[2]];
  }
  return total;
}

/** 5_400_000 -> "1h 30m"; under a minute -> "less than a minute". */
export function formatDuration(millis) {
  const minutes = Math.ceil(millis / UNITS.m);
  if (minutes <= 0) return 'less than a minute';
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return [d ? `${d}d` : '', h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean).join(' ');
}

/** The game clock's time of day, "14:05". */
export function clockTime(millis) {
  return new Date(millis).toISOString().slice(11, 16);
}

/** "1 hour", "3 hours". */
export function hoursText(hours) {
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/**
 * Reads a number of whole hours a player typed ("3" or "3h"), within 1..max; null if it is not one.
 */
export function parseHours(word, max) {
  const m = /^(\d{1,3})h?$/i.exec(word ?? '');
  if (!m) return null;
  const hours = Number(m[1]);
  return hours >= 1 && hours <= max ? hours : null;
}
