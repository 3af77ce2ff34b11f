// Daily and weekly resets: each runs exactly once per game day / week. What ran last is kept in the pack
// state (`resets`), which is saved with the world, so neither a reload nor a restart runs one again, and
// a day that passed while the server was down is caught up once, at the next game hour or login.
import { today } from './calendar.js';

const RESETS = 'resets';

/**
 * Runs the resets due at `cal`: `onDay(cal, first)` once for each new day, `onWeek(cal, first)` for each new
 * week (only for the current one, however many passed); `first` is true at the world's very first reset. The record is written before the hooks run, so a hook that
 * fails cannot make the reset run twice. Returns {daily, weekly}: whether each ran.
 */
export function runResets({ onDay, onWeek }, cal = today()) {
  const last = game.state(RESETS) ?? { day: null, week: null, days: 0, weeks: 0 };
  const daily = last.day !== cal.day;
  const weekly = last.week !== cal.week;
  if (!daily && !weekly) return { daily, weekly };
  game.setState(RESETS, { day: cal.day, week: cal.week, days: last.days + (daily ? 1 : 0), weeks: last.weeks + (weekly ? 1 : 0) });
  // A world's very first reset starts the calendar: nothing is announced as "new".
  const first = last.day === null;
  if (weekly) onWeek(cal, first);
  if (daily) onDay(cal, first);
  return { daily, weekly };
}
