// Who is online, in name order, for `who`. `game.online()` hands over every player online, which at thousands of
// players costs more than the rest of a command; so the roster is read from it once per pack generation, then
// kept by the playerEnter / playerLeave events (main.js), one binary search each. Rooms are not kept here: they
// change with every step, and `who` reads them for the few players it shows.
import { compareText } from './text.js';

/** @type {{ id: string, name: string, key: string }[] | null} sorted by order(); null until first used */
let roster = null;
const byId = new Map();

function entry(id, name) {
  const shown = typeof name === 'string' ? name : id.slice(id.indexOf(':') + 1);
  return { id, name: shown, key: shown.toLowerCase() };
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
  roster = game.online().map((p) => entry(p.id, p.name)).sort(order);
  byId.clear();
  for (const e of roster) byId.set(e.id, e);
}

/** The players online, sorted by name, as {id, name}. Do not change the array. */
export function onlineRoster() {
  if (roster === null) load();
  return roster;
}

/** playerEnter: a player is online (again); a reconnect or an already counted player changes nothing. */
export function rosterEnter(event) {
  if (roster === null || byId.has(event.player)) return;
  const e = entry(event.player, event.name);
  roster.splice(lowerBound(e), 0, e);
  byId.set(e.id, e);
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
