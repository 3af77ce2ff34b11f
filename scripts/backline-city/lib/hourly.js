// Every game hour (data/lifestyle.json `idle.every`) while a player is online: an idle player recovers a
// little energy, and the "hourly" random events are rolled. Each player has a timer of their own,
// started at login, rather than one handler walking every player at once: the work spreads over time
// and each call stays small however many players are online. A sequence number makes a timer left
// over from an earlier login (or from before a restart) harmless.
import { LIFESTYLE } from './data.js';
import { changeVitals, syncStats } from './character.js';
import { currentActivity } from './activity.js';
import { rollEvents } from './events.js';

export const HOURLY_TIMER = 'hourly';

export function startHourly(id) {
  const seq = (game.prop(id, 'hourlySeq') ?? 0) + 1;
  game.setProp(id, 'hourlySeq', seq);
  game.after(LIFESTYLE.idle.every, HOURLY_TIMER, { player: id, seq });
}

export function onHourlyTimer(data) {
  const id = data.player;
  if (!game.isOnline(id) || game.prop(id, 'hourlySeq') !== data.seq) return;
  game.after(LIFESTYLE.idle.every, HOURLY_TIMER, data);
  const busy = currentActivity(id);
  const changed = busy ? {} : changeVitals(id, LIFESTYLE.idle.change);
  const happened = rollEvents('hourly', id, { activity: busy ? busy.kind : null });
  if (Object.keys(changed).length > 0 || happened.length > 0) syncStats(id);
}
