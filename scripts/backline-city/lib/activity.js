// Being busy: learning, practising, sleeping, resting and working take game time. The activity is kept
// in the player's `busy` property with its start and end, and a named timer finishes it (or, for the
// kinds that act hour by hour, wakes it every game hour). Timers do not survive a server restart, so an
// activity that is overdue is also finished when it is next looked at (`currentActivity`) and when the
// player logs in.
import { HOUR, clockTime, formatDuration } from './time.js';
import { syncStats } from './character.js';
import { learning } from './learning.js';
import { rest, sleep, work } from './lifestyle.js';

/**
 * What each kind of activity does: `{ step?(id, busy, fromHour, toHour), finish(id, busy, hours, stopped) }`.
 * `step` applies whole hours as they pass; `finish` runs once, when the time is up or the player stops.
 */
const kinds = { learning, sleep, rest, work };

export const ACTIVITY_TIMER = 'activity';

function nextWake(busy) {
  const hourly = kinds[busy.kind]?.step;
  return hourly ? Math.min(busy.until, busy.start + (busy.done + 1) * HOUR) : busy.until;
}

function schedule(id, busy) {
  game.after(Math.max(1, nextWake(busy) - game.now()), ACTIVITY_TIMER, { player: id, seq: busy.seq });
}

/**
 * Makes the player busy with `kind` for `hours` game hours. `doing` completes "You are busy …"
 * ("practising guitar"); `data` is kept for `finish`.
 */
export function startActivity(id, { kind, hours, doing, data = {} }) {
  const start = game.now();
  const seq = (game.prop(id, 'activitySeq') ?? 0) + 1;
  const busy = { kind, doing, hours, start, until: start + hours * HOUR, done: 0, seq, data };
  game.setProp(id, 'activitySeq', seq);
  game.setProp(id, 'busy', busy);
  schedule(id, busy);
  return busy;
}

/** Applies the whole hours that have passed (for hour-by-hour kinds) and finishes the activity if it is over. */
function advance(id, busy, { stopping = false } = {}) {
  const now = game.now();
  const elapsed = Math.min(busy.hours, Math.floor((Math.min(now, busy.until) - busy.start) / HOUR));
  const kind = kinds[busy.kind];
  let current = busy;
  if (kind?.step && elapsed > current.done) {
    kind.step(id, current, current.done, elapsed);
    current = { ...current, done: elapsed };
  }
  if (stopping || now >= busy.until) {
    game.setProp(id, 'busy', null);
    if (kind) kind.finish(id, current, elapsed, stopping && now < busy.until);
    return null;
  }
  game.setProp(id, 'busy', current);
  return current;
}

/** The player's activity, or null when they are free (an overdue activity is finished first). */
export function currentActivity(id) {
  const busy = game.prop(id, 'busy');
  if (!busy) return null;
  return game.now() >= busy.until ? advance(id, busy) : busy;
}

/** The timer: finishes the activity, or applies the hour that passed and sleeps until the next. */
export function onActivityTimer(data) {
  const busy = game.prop(data.player, 'busy');
  if (!busy || busy.seq !== data.seq) return;        // stopped, or replaced by a newer activity
  const still = advance(data.player, busy);
  if (still) schedule(data.player, still);
  syncStats(data.player);
}

/** Stops the activity early; what has been done so far counts (see each kind's `finish`). */
export function stopActivity(id) {
  const busy = currentActivity(id);
  if (!busy) return false;
  advance(id, busy, { stopping: true });
  return true;
}

/** After a restart the timers are gone: finish what is overdue and wake the rest again. */
export function resumeActivity(id) {
  const busy = currentActivity(id);
  if (!busy) return;
  // A new sequence number, so a timer that did survive (a reconnect, not a restart) is ignored.
  const seq = (game.prop(id, 'activitySeq') ?? 0) + 1;
  game.setProp(id, 'activitySeq', seq);
  game.setProp(id, 'busy', { ...busy, seq });
  schedule(id, { ...busy, seq });
}

export function busyText(busy) {
  return `You are busy ${busy.doing} until ${clockTime(busy.until)} (another ${formatDuration(busy.until - game.now())}). `
    + 'Type "stop" to stop early.';
}
