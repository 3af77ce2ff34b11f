// Who is online, in name order, and where, for `who`. `game.online()` hands over every player online, which at
// thousands of players costs more than the rest of a command; so the roster is read from it once per pack
// generation, then kept by the playerEnter / playerLeave events (main.js), one binary search each, and each
// player's room by roomEnter. Keeping the room costs a field write per step; reading it with game.entity for each
// of the forty players `who` shows cost a sixth of `who` (docs/benchmarks.md). Only roomEnter is followed, so a
// player a script moved out of every room would still show their last one; this game never does that.
import { compareText } from './text.js';

/** @type {{ id: string, name: string, key: string, room: string | null }[] | null} sorted by order(); null until first used */
let roster = null;
const byId = new Map();

function entry(id, name, room) {
  const shown = typeof name === 'string' ? name : id.slice(id.indexOf(':') + 1);
  return { id, name: shown, key: shown.toLowerCase(), room: room ?? null };
}

// Character names are ASCII (letters, digits, '-', '_'), so comparing lower-cased keys sorts as the collator does
// for letters, at a fraction of its cost; the collator only breaks ties of case.
function order(a, b) {
  if (a.key !== b.key) return a.key < b.key ? -1 : 1;
  return compareText(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

// The first index at which `atOrAfter` holds; it must hold from some index to the end (the roster is sorted).
function firstWhere(atOrAfter) {
  let lo = 0;
  let hi = roster.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (atOrAfter(roster[mid])) hi = mid; else lo = mid + 1;
  }
  return lo;
}

// The first index whose entry does not sort before `e`.
function lowerBound(e) {
  return firstWhere((x) => order(x, e) >= 0);
}

function load() {
  roster = game.online().map((p) => entry(p.id, p.name, p.room)).sort(order);
  byId.clear();
  for (const e of roster) byId.set(e.id, e);
}

/** The players online, sorted by name, as {id, name, room}. Do not change the array. */
export function onlineRoster() {
  if (roster === null) load();
  return roster;
}

/** playerEnter: a player is online (again); a reconnect or an already counted player only updates the room. */
export function rosterEnter(event) {
  if (roster === null) return;
  const known = byId.get(event.player);
  if (known !== undefined) {
    known.room = event.room ?? null;
    return;
  }
  const e = entry(event.player, event.name, event.room);
  roster.splice(lowerBound(e), 0, e);
  byId.set(e.id, e);
}

/** roomEnter: a player online stepped into a room (anything else moving changes nothing here). */
export function rosterRoomEnter(event) {
  if (roster === null) return;
  const e = byId.get(event.entity);
  if (e !== undefined) e.room = event.to;
}

/** playerLeave: a player is gone. */
export function rosterLeave(event) {
  if (roster === null) return;
  const e = byId.get(event.player);
  if (e === undefined) return;
  const at = lowerBound(e);
  if (roster[at] === e) roster.splice(at, 1);
  byId.delete(e.id);
}

// The first index whose key is not below `key`.
function firstKeyFrom(key) {
  return firstWhere((x) => x.key >= key);
}

/**
 * The players online whose name starts with `prefix` (any case; '' for all): the first `max` of them in name order,
 * and how many there are in all.
 */
export function rosterPage(prefix, max) {
  const all = onlineRoster();
  const key = prefix.toLowerCase();
  const from = key === '' ? 0 : firstKeyFrom(key);
  const to = key === '' ? all.length : firstKeyFrom(`${key}\uffff`);
  return { players: all.slice(from, Math.min(to, from + max)), total: to - from };
}
