// Random events (data/events.json): each has triggers ("session": a learning or practice session just
// ended; "hourly": every game hour for players online), a base chance, adjustments by condition, and an
// outcome (an effect, changes to vitals, texts). They are rolled in file order with Math.random, which
// is the engine's seeded RNG, so a world with the same seed and the same history has the same events.
import { CHARACTER, EVENTS } from './data.js';
import { character, changeVitals, statValue } from './character.js';
import { activeModifiers } from './modifiers.js';
import { addEffect } from './effects.js';
import { roomOf } from './rooms.js';
import { nameOf } from './text.js';

/** The season of a game time, by month (data/events.json `seasons`). */
export function seasonAt(millis) {
  const month = new Date(millis).getUTCMonth() + 1;
  return Object.keys(EVENTS.seasons).find((s) => EVENTS.seasons[s].includes(month)) ?? null;
}

/** What the conditions look at, read once per roll: the player, their modifiers and their room. */
function situation(id) {
  const me = character(id);
  return { me, modifiers: activeModifiers(me), room: undefined };
}

/** Whether one condition holds in a situation; `facts` is {activity, hours} of the trigger. */
function holds(s, condition, facts) {
  const me = s.me;
  if (condition.stat !== undefined) {
    const value = condition.stat in CHARACTER.vitals ? me.props.vitals[condition.stat] : statValue(me, condition.stat, s.modifiers);
    if (condition.below !== undefined && !(value < condition.below)) return false;
    if (condition.atLeast !== undefined && !(value >= condition.atLeast)) return false;
  }
  if (condition.season !== undefined && !condition.season.includes(seasonAt(game.now()))) return false;
  if (condition.effect !== undefined && !((me.props.effects ?? {})[condition.effect]?.until > game.now())) return false;
  if (condition.hoursAtLeast !== undefined && !((facts.hours ?? 0) >= condition.hoursAtLeast)) return false;
  if (condition.activity !== undefined && facts.activity !== condition.activity) return false;
  if (condition.roomProp !== undefined || condition.roomTag !== undefined) {
    if (s.room === undefined) s.room = me.container ? game.entity(me.container) : null;
    const room = s.room;
    if (!room) return false;
    if (condition.roomProp !== undefined && !room.props[condition.roomProp]) return false;
    if (condition.roomTag !== undefined && !room.tags.includes(condition.roomTag)) return false;
  }
  return true;
}

/**
 * The chance of an event: the base chance, adjusted in file order by each adjustment whose condition
 * `test(condition)` holds (`times` multiplies, `plus` adds), within 0..1.
 */
export function chanceOf(event, test) {
  let chance = event.chance;
  for (const a of event.adjust ?? []) {
    if (!test(a.if)) continue;
    if (a.times !== undefined) chance *= a.times;
    if (a.plus !== undefined) chance += a.plus;
  }
  return Math.min(1, Math.max(0, chance));
}

function rolled(range) {
  return Array.isArray(range) ? range[0] + Math.floor(Math.random() * (range[1] - range[0] + 1)) : range;
}

function fire(id, event) {
  const deltas = Object.fromEntries(Object.entries(event.change ?? {}).map(([k, v]) => [k, rolled(v)]));
  const applied = changeVitals(id, deltas, `event:${event.id}`);
  const fill = (text) => text
    .replace('{cash}', `$${applied.cash ?? 0}`)
    .replace('{name}', nameOf(game.entity(id)));
  if (event.effect) {
    addEffect(id, event.effect, { text: fill(event.text) });
  } else if (game.isOnline(id)) {
    game.tell(id, fill(event.text), { event: event.id, ...applied });
  }
  const room = roomOf(id);
  if (event.roomText && room) game.toRoom(room.id, fill(event.roomText), { except: id });
}

/**
 * Rolls every event of `trigger` for the player, in file order: one Math.random() per event whose
 * requirements hold. @returns the ids of the events that happened
 */
export function rollEvents(trigger, id, facts = {}) {
  const happened = [];
  let s = situation(id);
  if (!s.me) return happened;
  for (const event of EVENTS.events) {
    if (!event.on.includes(trigger)) continue;
    if (event.require && !holds(s, event.require, facts)) continue;
    if (event.unless && holds(s, event.unless, facts)) continue;
    const chance = chanceOf(event, (condition) => holds(s, condition, facts));
    if (chance <= 0) continue;
    if (Math.random() < chance) {
      fire(id, event);
      happened.push(event.id);
      s = situation(id);
    }
  }
  return happened;
}
