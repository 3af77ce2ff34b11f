// A character: base stats, vitals (health, energy, mood, burnout, cash, fame) and skills, kept in the
// player entity's properties so they survive reloads and restarts. Every number comes from
// data/character.json and data/skills.json.
import { CHARACTER, SKILLS } from './data.js';
import { activeModifiers, apply, round1 } from './modifiers.js';
import { open, post } from './ledger.js';

// Reading an unchanged entity again is cheap (its view is shared until it changes), but every setProp makes
// the next read build a new view: read the player once per rule, pass it on, and read it again only after
// changing it.

// Whether it had to add something: entity views are read-only snapshots, so the caller reads the entity
// again to see it.
function complete(me, key, table, initial) {
  const have = me.props[key] ?? {};
  const missing = Object.keys(table).filter((k) => have[k] === undefined);
  if (missing.length === 0) return false;
  game.setProp(me.id, key, { ...have, ...Object.fromEntries(missing.map((k) => [k, initial(k)])) });
  return true;
}

/**
 * The player, given the properties of a character they lack first (new players, or tables that grew);
 * null if there is no such entity. One read of the entity.
 */
export function character(id) {
  const me = game.entity(id);
  if (!me) return null;
  const newAccount = me.props.vitals?.cash === undefined;
  const grew = [complete(me, 'stats', CHARACTER.stats, (k) => CHARACTER.stats[k].start),
                complete(me, 'vitals', CHARACTER.vitals, (k) => CHARACTER.vitals[k].start),
                complete(me, 'skills', SKILLS.skills, () => ({ level: SKILLS.startLevel, xp: 0 }))];
  if (newAccount) open(id, 'starting cash');
  return grew.includes(true) || newAccount ? game.entity(id) : me;
}

export const ensureCharacter = character;

/** A base stat with every modifier applied. */
export function statValue(player, stat, modifiers = activeModifiers(player)) {
  return apply(player.props.stats[stat], stat, modifiers);
}

/** The maximum of a vital (health and energy grow with stamina), or Infinity if it has none. */
export function maxOf(player, vital, modifiers = activeModifiers(player)) {
  const def = CHARACTER.vitals[vital];
  if (!def.max) return Infinity;
  let base = def.max.base;
  for (const [stat, per] of Object.entries(def.max.per ?? {})) base += per * statValue(player, stat, modifiers);
  return apply(base, `max${vital[0].toUpperCase()}${vital.slice(1)}`, modifiers);
}

/**
 * Changes vitals by the given amounts, kept within their bounds, and returns what actually changed
 * (`{energy: -24}`). Cash never goes below zero: check the price first. Cash is booked in the ledger
 * (lib/ledger.js) with `reason`.
 */
export function changeVitals(id, deltas, reason = 'unspecified') {
  const me = character(id);
  const modifiers = activeModifiers(me);
  const applied = {};
  // Cash goes through the ledger, which books every change with its reason.
  if (deltas.cash) {
    const entry = post(id, Math.max(deltas.cash, -me.props.vitals.cash), reason);
    if (entry) applied.cash = entry.amount;
  }
  const vitals = { ...(deltas.cash ? game.entity(id) : me).props.vitals };
  for (const [key, delta] of Object.entries(deltas)) {
    if (!delta || key === 'cash') continue;
    const def = CHARACTER.vitals[key];
    const before = vitals[key];
    const after = round1(Math.min(maxOf(me, key, modifiers), Math.max(def.min, before + delta)));
    if (after !== before) {
      vitals[key] = after;
      applied[key] = round1(after - before);
    }
  }
  if (Object.keys(applied).length > 0) game.setProp(id, 'vitals', vitals);
  return applied;
}

export function vital(id, key) {
  return character(id).props.vitals[key];
}

/** XP needed to go from `level` to the next one, or null at the top level. */
export function xpToNext(level) {
  return level >= SKILLS.maxLevel ? null : SKILLS.xpToNext[level - 1];
}

/** Finds a skill by id, name or alias, as a player types it; null if none. */
export function findSkill(word) {
  const w = (word ?? '').toLowerCase();
  if (w === '') return null;
  for (const [id, s] of Object.entries(SKILLS.skills)) {
    if (id === w || s.name === w || (s.aliases ?? []).includes(w)) return id;
  }
  return null;
}

export function skillNames() {
  return Object.keys(SKILLS.skills);
}

/**
 * Adds XP to a skill, levelling up as often as it fills the table; returns {gained, levelsGained, level, xp}.
 * At the top level XP no longer accumulates.
 */
export function addXp(id, skill, amount) {
  const me = character(id);
  const skills = { ...me.props.skills };
  let { level, xp } = skills[skill];
  const startLevel = level;
  xp += amount;
  while (xpToNext(level) !== null && xp >= xpToNext(level)) {
    xp -= xpToNext(level);
    level += 1;
  }
  if (xpToNext(level) === null) xp = 0;
  skills[skill] = { level, xp: round1(xp) };
  game.setProp(id, 'skills', skills);
  return { gained: amount, levelsGained: level - startLevel, level, xp: round1(xp) };
}

export function skillLevel(id, skill) {
  return character(id).props.skills[skill].level;
}

/**
 * Everything a client shows about the character, as plain data: effective stats, vitals with their
 * maxima, and skills with their progress. `stat_update` events carry the parts of it that changed.
 */
export function snapshot(id) {
  const me = character(id);
  if (!me) return null;
  const modifiers = activeModifiers(me);
  const out = {};
  for (const stat of Object.keys(CHARACTER.stats)) out[stat] = statValue(me, stat, modifiers);
  for (const [key, def] of Object.entries(CHARACTER.vitals)) {
    out[key] = me.props.vitals[key];
    if (def.max) out[`max${key[0].toUpperCase()}${key.slice(1)}`] = maxOf(me, key, modifiers);
  }
  out.skills = {};
  for (const skill of Object.keys(SKILLS.skills)) {
    const s = me.props.skills[skill];
    out.skills[skill] = { level: s.level, xp: s.xp, next: xpToNext(s.level), effective: apply(s.level, skill, modifiers) };
  }
  return out;
}

/** The parts of `now` that differ from `before`, nested objects compared key by key; null if none. */
export function diff(before, now) {
  const out = {};
  for (const [key, value] of Object.entries(now)) {
    const old = before?.[key];
    if (value !== null && typeof value === 'object' && old !== null && typeof old === 'object') {
      const inner = diff(old, value);
      if (inner) out[key] = inner;
    } else if (old !== value) {
      out[key] = value;
    }
  }
  return Object.keys(out).length > 0 ? out : null;
}

// What each player online was last sent. A cache, as module variables are: after a reload the next
// update of each player is complete again, which is what a client needs anyway.
const sent = new Map();

/**
 * Sends the player a `stat_update` with the values that changed since the last one they got (all of
 * them with `full`, as on login). Called at the end of every command and timer that may change them.
 */
export function syncStats(id, { full = false } = {}) {
  if (!game.isOnline(id)) {
    sent.delete(id);
    return;
  }
  const now = snapshot(id);
  if (!now) return;
  const changed = full || !sent.has(id) ? now : diff(sent.get(id), now);
  sent.set(id, now);
  if (changed) game.send(id, 'stat_update', null, changed);
}

/** Forgets what a player who left was sent. */
export function forgetStats(id) {
  sent.delete(id);
}
