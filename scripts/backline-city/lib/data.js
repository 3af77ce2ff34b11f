// The pack's tables. Every number of the game's rules lives in data/*.json, which live-ops may edit:
// a reload of the pack reads them again. The tables are checked here when the pack loads, so a broken
// table stops the reload (the old generation keeps running) with a message naming the file and the field.
import characterTable from '../data/character.json' with { type: 'json' };
import skillTable from '../data/skills.json' with { type: 'json' };
import learningTable from '../data/learning.json' with { type: 'json' };
import lifestyleTable from '../data/lifestyle.json' with { type: 'json' };
import effectTable from '../data/effects.json' with { type: 'json' };
import eventTable from '../data/events.json' with { type: 'json' };
import itemTable from '../data/items.json' with { type: 'json' };
import { ms } from './time.js';

function deepFreeze(value) {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

export const CHARACTER = deepFreeze(characterTable);
export const SKILLS = deepFreeze(skillTable);
export const LEARNING = deepFreeze(learningTable);
export const LIFESTYLE = deepFreeze(lifestyleTable);
export const EFFECTS = deepFreeze(effectTable);
export const EVENTS = deepFreeze(eventTable);
export const ITEMS = deepFreeze(itemTable);

/** The names of everything a modifier may target: base stats, vitals' maxima, skills and "xp". */
export function modifierTargets() {
  return ['xp', ...Object.keys(CHARACTER.stats), ...Object.keys(SKILLS.skills),
    ...Object.keys(CHARACTER.vitals).map((v) => `max${v[0].toUpperCase()}${v.slice(1)}`)];
}

// ---- checks -----------------------------------------------------------------------------------

function fail(file, message) {
  throw new Error(`data/${file}: ${message}`);
}

function number(file, path, value, { min = -Infinity, max = Infinity, integer = false } = {}) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max
      || (integer && !Number.isInteger(value))) {
    fail(file, `${path} must be ${integer ? 'a whole number' : 'a number'}${min > -Infinity ? ` >= ${min}` : ''}`
      + `${max < Infinity ? ` <= ${max}` : ''}, not ${JSON.stringify(value)}`);
  }
}

function duration(file, path, value) {
  if (!(ms(value) > 0)) fail(file, `${path} must be a duration like "30m", "8h" or "2d", not ${JSON.stringify(value)}`);
}

function changes(file, path, map) {
  for (const [key, value] of Object.entries(map ?? {})) {
    if (!(key in CHARACTER.vitals)) fail(file, `${path}.${key}: unknown value; known: ${Object.keys(CHARACTER.vitals).join(', ')}`);
    if (Array.isArray(value)) {
      if (value.length !== 2) fail(file, `${path}.${key} must be a number or a range [min, max]`);
      value.forEach((v, i) => number(file, `${path}.${key}[${i}]`, v, { integer: true }));
    } else {
      number(file, `${path}.${key}`, value);
    }
  }
}

export function checkModifiers(file, path, modifiers) {
  const targets = modifierTargets();
  (modifiers ?? []).forEach((m, i) => {
    if (!targets.includes(m.target)) fail(file, `${path}[${i}].target '${m.target}' is unknown; known: ${targets.join(', ')}`);
    if (m.flat === undefined && m.percent === undefined) fail(file, `${path}[${i}] needs 'flat' or 'percent'`);
    if (m.flat !== undefined) number(file, `${path}[${i}].flat`, m.flat);
    if (m.percent !== undefined) number(file, `${path}[${i}].percent`, m.percent, { min: -100 });
  });
}

function place(file, path, p) {
  if (p !== undefined && (typeof p !== 'object' || (typeof p.tag !== 'string' && typeof p.prop !== 'string'))) {
    fail(file, `${path} must be {"tag": "..."} or {"prop": "..."}`);
  }
}

function checkCharacter() {
  for (const [id, s] of Object.entries(CHARACTER.stats)) {
    number('character.json', `stats.${id}.min`, s.min, { integer: true });
    number('character.json', `stats.${id}.max`, s.max, { min: s.min, integer: true });
    number('character.json', `stats.${id}.start`, s.start, { min: s.min, max: s.max });
  }
  for (const [id, v] of Object.entries(CHARACTER.vitals)) {
    number('character.json', `vitals.${id}.start`, v.start, { min: v.min });
    if (v.max !== undefined) {
      number('character.json', `vitals.${id}.max.base`, v.max.base);
      for (const [stat, per] of Object.entries(v.max.per ?? {})) {
        if (!(stat in CHARACTER.stats)) fail('character.json', `vitals.${id}.max.per.${stat}: unknown stat`);
        number('character.json', `vitals.${id}.max.per.${stat}`, per);
      }
    }
  }
}

function checkSkills() {
  const { skills, startLevel, maxLevel, xpToNext } = SKILLS;
  number('skills.json', 'maxLevel', maxLevel, { min: 2, integer: true });
  number('skills.json', 'startLevel', startLevel, { min: 1, max: maxLevel, integer: true });
  if (!Array.isArray(xpToNext) || xpToNext.length !== maxLevel - 1) {
    fail('skills.json', `xpToNext must list the XP of each level up to ${maxLevel}: ${maxLevel - 1} numbers`);
  }
  xpToNext.forEach((xp, i) => number('skills.json', `xpToNext[${i}]`, xp, { min: 1, integer: true }));
  for (const [id, s] of Object.entries(skills)) {
    if (!(s.stat in CHARACTER.stats)) fail('skills.json', `skills.${id}.stat '${s.stat}' is not a stat of character.json`);
  }
}

function checkLearning() {
  const L = LEARNING;
  const f = 'learning.json';
  for (const key of ['xpPerHour', 'statBaseline', 'statBonusPerPoint', 'instrumentWearPerHour']) number(f, key, L[key], { min: 0 });
  number(f, 'maxHours', L.maxHours, { min: 1, max: 24, integer: true });
  number(f, 'defaultHours', L.defaultHours, { min: 1, max: L.maxHours, integer: true });
  duration(f, 'sessionGap', L.sessionGap);
  Object.entries(L.risks).forEach(([k, v]) => number(f, `risks.${k}`, v, { min: 0 }));
  let next = 1;
  L.bands.forEach((band, i) => {
    const [from, to] = band.levels;
    if (from !== next || to < from) fail(f, `bands[${i}].levels must start at level ${next} (the bands cover every level in order)`);
    next = to + 1;
    number(f, `bands[${i}].rate`, band.rate, { min: 0 });
    if (!(band.risk in L.risks)) fail(f, `bands[${i}].risk '${band.risk}' is not one of risks`);
    band.methods.forEach((m) => { if (!(m in L.methods)) fail(f, `bands[${i}] lists unknown method '${m}'`); });
  });
  if (next !== SKILLS.maxLevel + 1) fail(f, `bands must cover levels 1 to ${SKILLS.maxLevel}`);
  for (const [id, m] of Object.entries(L.methods)) {
    number(f, `methods.${id}.energyPerHour`, m.energyPerHour, { min: 0 });
    if (m.cashPerHour !== undefined) number(f, `methods.${id}.cashPerHour`, m.cashPerHour, { min: 0 });
    place(f, `methods.${id}.place`, m.place);
  }
  number(f, 'practice.rate', L.practice.rate, { min: 0 });
  number(f, 'practice.energyPerHour', L.practice.energyPerHour, { min: 0 });
  if (!(L.practice.risk in L.risks)) fail(f, `practice.risk '${L.practice.risk}' is not one of risks`);
  L.hours.forEach((row, i) => {
    const last = i === L.hours.length - 1;
    if (last ? row.upTo !== null : !(row.upTo > (i === 0 ? 0 : L.hours[i - 1].upTo))) {
      fail(f, `hours[${i}].upTo must ${last ? 'be null (the last row has no limit)' : 'grow from row to row'}`);
    }
    number(f, `hours[${i}].xp`, row.xp, { min: 0 });
    number(f, `hours[${i}].burnout`, row.burnout, { min: 0 });
  });
  L.burnoutTiers.forEach((t, i) => { number(f, `burnoutTiers[${i}].atLeast`, t.atLeast); number(f, `burnoutTiers[${i}].xp`, t.xp, { min: 0 }); });
}

function checkLifestyle() {
  const f = 'lifestyle.json';
  changes(f, 'idle.change', LIFESTYLE.idle.change);
  duration(f, 'idle.every', LIFESTYLE.idle.every);
  for (const key of ['sleep', 'rest', 'work']) {
    const a = LIFESTYLE[key];
    number(f, `${key}.maxHours`, a.maxHours, { min: 1, max: 24, integer: true });
    number(f, `${key}.defaultHours`, a.defaultHours, { min: 1, max: a.maxHours, integer: true });
    changes(f, `${key}.perHour`, a.perHour);
    place(f, `${key}.place`, a.place);
  }
  for (const key of ['eat', 'drink']) {
    number(f, `${key}.price`, LIFESTYLE[key].price, { min: 0 });
    changes(f, `${key}.change`, LIFESTYLE[key].change);
    place(f, `${key}.place`, LIFESTYLE[key].place);
  }
  const rested = LIFESTYLE.sleep.wellRested;
  if (rested && !(rested.effect in EFFECTS)) fail(f, `sleep.wellRested.effect '${rested.effect}' is not in effects.json`);
  if (LIFESTYLE.drink.effect && !(LIFESTYLE.drink.effect in EFFECTS)) fail(f, `drink.effect '${LIFESTYLE.drink.effect}' is not in effects.json`);
  (LIFESTYLE.sleep.ends ?? []).forEach((e) => { if (!(e in EFFECTS)) fail(f, `sleep.ends: '${e}' is not in effects.json`); });
}

const STACKING = ['refresh', 'stack', 'extend', 'ignore'];

function checkEffects() {
  const f = 'effects.json';
  for (const [id, e] of Object.entries(EFFECTS)) {
    if (typeof e.name !== 'string' || typeof e.start !== 'string' || typeof e.end !== 'string') {
      fail(f, `${id} needs the texts 'name', 'start' and 'end'`);
    }
    duration(f, `${id}.duration`, e.duration);
    if (e.tick !== undefined) duration(f, `${id}.tick`, e.tick);
    if (e.perTick && e.tick === undefined) fail(f, `${id} has 'perTick' but no 'tick' interval`);
    if (!STACKING.includes(e.stacking)) fail(f, `${id}.stacking must be one of ${STACKING.join(', ')}`);
    if (e.maxMagnitude !== undefined) number(f, `${id}.maxMagnitude`, e.maxMagnitude, { min: 1 });
    if (e.maxDuration !== undefined) duration(f, `${id}.maxDuration`, e.maxDuration);
    changes(f, `${id}.perTick`, e.perTick);
    changes(f, `${id}.onStart`, e.onStart);
    checkModifiers(f, `${id}.modifiers`, e.modifiers);
    if (e.then && !(e.then.effect in EFFECTS)) fail(f, `${id}.then.effect '${e.then.effect}' is not an effect`);
  }
}

const CONDITIONS = ['stat', 'season', 'effect', 'hoursAtLeast', 'activity', 'roomProp', 'roomTag'];

function condition(f, path, c) {
  const keys = Object.keys(c);
  const unknown = keys.filter((k) => !CONDITIONS.includes(k) && !['below', 'atLeast'].includes(k));
  if (unknown.length > 0) fail(f, `${path}: unknown condition '${unknown[0]}'; known: ${CONDITIONS.join(', ')}`);
  if (c.stat !== undefined && !(c.stat in CHARACTER.vitals) && !(c.stat in CHARACTER.stats)) fail(f, `${path}.stat '${c.stat}' is unknown`);
  if (c.effect !== undefined && !(c.effect in EFFECTS)) fail(f, `${path}.effect '${c.effect}' is not in effects.json`);
  if (c.season !== undefined) c.season.forEach((s) => { if (!(s in EVENTS.seasons)) fail(f, `${path}.season '${s}' is unknown`); });
}

function checkEvents() {
  const f = 'events.json';
  const seen = new Set();
  EVENTS.events.forEach((e, i) => {
    const at = `events[${i}] (${e.id})`;
    if (seen.has(e.id)) fail(f, `${at}: the id is used twice`);
    seen.add(e.id);
    if (!e.on.every((t) => ['session', 'hourly'].includes(t))) fail(f, `${at}.on must list "session" and/or "hourly"`);
    number(f, `${at}.chance`, e.chance, { min: 0, max: 1 });
    (e.adjust ?? []).forEach((a, j) => {
      condition(f, `${at}.adjust[${j}].if`, a.if);
      if (a.times === undefined && a.plus === undefined) fail(f, `${at}.adjust[${j}] needs 'times' or 'plus'`);
    });
    if (e.require) condition(f, `${at}.require`, e.require);
    if (e.unless) condition(f, `${at}.unless`, e.unless);
    if (e.effect !== undefined && !(e.effect in EFFECTS)) fail(f, `${at}.effect '${e.effect}' is not in effects.json`);
    changes(f, `${at}.change`, e.change);
    if (typeof e.text !== 'string') fail(f, `${at} needs a 'text' for the player`);
  });
}

function checkItems() {
  const f = 'items.json';
  number(f, 'carryLimit', ITEMS.carryLimit, { min: 1, integer: true });
  number(f, 'poorCondition', ITEMS.poorCondition, { min: 0, max: 100 });
  number(f, 'poorFactor', ITEMS.poorFactor, { min: 0 });
}

checkCharacter();
checkSkills();
checkLearning();
checkLifestyle();
checkEffects();
checkEvents();
checkItems();
