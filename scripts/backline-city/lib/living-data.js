// The tables of the living world: calendar, quests, dialogue, the daily loop and world events. Like
// lib/data.js they are frozen and checked when the pack loads, so a broken table stops a reload (the old
// generation keeps running) with a message naming the file and the field. References into world data
// (rooms, NPCs, item templates) can only be checked once the world is readable: see `checkWorldRefs`.
import calendarTable from '../data/calendar.json' with { type: 'json' };
import questTable from '../data/quests.json' with { type: 'json' };
import dialogueTable from '../data/dialogue.json' with { type: 'json' };
import dailyTable from '../data/daily.json' with { type: 'json' };
import broadcastTable from '../data/broadcasts.json' with { type: 'json' };
import { EVENTS, SKILLS, CHARACTER } from './data.js';
import { ms } from './time.js';

function deepFreeze(value) {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

export const CALENDAR = deepFreeze(calendarTable);
export const QUESTS = deepFreeze(questTable);
export const DIALOGUE = deepFreeze(dialogueTable);
export const DAILY = deepFreeze(dailyTable);
export const BROADCASTS = deepFreeze(broadcastTable);
export const WEEKDAYS = Object.freeze(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);

/** A quest by id, or undefined. */
export function questById(id) {
  return QUESTS.quests.find((q) => q.id === id);
}

function fail(file, message) {
  throw new Error(`data/${file}: ${message}`);
}

function hour(file, path, value) {
  if (!Number.isInteger(value) || value < 0 || value > 23) fail(file, `${path} must be an hour 0-23, not ${JSON.stringify(value)}`);
}

function positive(file, path, value) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) fail(file, `${path} must be a number >= 0, not ${JSON.stringify(value)}`);
}

const TRIGGERS = ['enter', 'command', 'after', 'stat', 'skill', 'item', 'talk'];

/** Checks a trigger (quest steps and daily challenges share them). */
export function checkTrigger(file, path, t) {
  const kinds = Object.keys(t ?? {}).filter((k) => TRIGGERS.includes(k));
  if (kinds.length !== 1) fail(file, `${path} must have exactly one of ${TRIGGERS.join(', ')}`);
  const kind = kinds[0];
  if (kind === 'after' && !(ms(t.after) > 0)) fail(file, `${path}.after must be a duration like "2h"`);
  if (kind === 'stat') {
    if (!(t.stat in CHARACTER.vitals) && !(t.stat in CHARACTER.stats)) fail(file, `${path}.stat '${t.stat}' is not a stat or vital of character.json`);
    positive(file, `${path}.atLeast`, t.atLeast);
  }
  if (kind === 'skill') {
    [].concat(t.skill).forEach((s) => { if (!(s in SKILLS.skills)) fail(file, `${path}.skill '${s}' is not in skills.json`); });
    if (!Number.isInteger(t.level) || t.level < 1 || t.level > SKILLS.maxLevel) fail(file, `${path}.level must be a level 1-${SKILLS.maxLevel}`);
  }
  if (kind === 'command' && [].concat(t.command).some((c) => typeof c !== 'string' || c.trim() === '')) {
    fail(file, `${path}.command must be a command ("gig book") or a list of them`);
  }
  if (kind === 'enter' && typeof t.enter !== 'string' && typeof t.enter?.tag !== 'string') fail(file, `${path}.enter must be a room id or {"tag": ...}`);
  if (kind === 'item' && typeof t.item !== 'string' && typeof t.item?.tag !== 'string') fail(file, `${path}.item must be a template id or {"tag": ...}`);
  if (kind === 'talk' && typeof t.talk !== 'string') fail(file, `${path}.talk must be an NPC id`);
  return kind;
}

export function checkReward(file, path, r) {
  if (r === undefined) return;
  if (r.cash !== undefined) positive(file, `${path}.cash`, r.cash);
  for (const [skill, xp] of Object.entries(r.xp ?? {})) {
    if (!(skill in SKILLS.skills)) fail(file, `${path}.xp.${skill} is not in skills.json`);
    positive(file, `${path}.xp.${skill}`, xp);
  }
  if (r.items !== undefined && !(Array.isArray(r.items) && r.items.every((i) => typeof i === 'string'))) fail(file, `${path}.items must be a list of template ids`);
}

function checkCalendar() {
  const f = 'calendar.json';
  if (Number.isNaN(Date.parse(`${CALENDAR.firstDay}T00:00:00Z`))) fail(f, `firstDay must be a date like "2026-01-01", not ${JSON.stringify(CALENDAR.firstDay)}`);
  if (!WEEKDAYS.includes(CALENDAR.weekStartsOn)) fail(f, `weekStartsOn must be one of ${WEEKDAYS.join(', ')}`);
  hour(f, 'dawn', CALENDAR.dawn);
  hour(f, 'dusk', CALENDAR.dusk);
  if (CALENDAR.dawn >= CALENDAR.dusk) fail(f, 'dawn must come before dusk');
  CALENDAR.periods.forEach((p, i) => {
    hour(f, `periods[${i}].from`, p.from);
    if (i === 0 ? p.from !== 0 : p.from <= CALENDAR.periods[i - 1].from) fail(f, `periods[${i}].from must ${i === 0 ? 'be 0' : 'grow from period to period'}`);
  });
}

function checkQuests() {
  const f = 'quests.json';
  const seen = new Set();
  QUESTS.quests.forEach((q, i) => {
    const at = `quests[${i}] (${q.id})`;
    if (typeof q.id !== 'string' || seen.has(q.id)) fail(f, `${at}: every quest needs an id of its own`);
    seen.add(q.id);
    if (typeof q.title !== 'string' || typeof q.description !== 'string') fail(f, `${at} needs a title and a description`);
    if (!Array.isArray(q.steps) || q.steps.length === 0) fail(f, `${at} needs at least one step`);
    q.steps.forEach((s, j) => {
      if (typeof s.text !== 'string') fail(f, `${at}.steps[${j}] needs a text`);
      checkTrigger(f, `${at}.steps[${j}].trigger`, s.trigger);
    });
    checkReward(f, `${at}.reward`, q.reward);
  });
}

function checkDialogue() {
  const f = 'dialogue.json';
  for (const [tree, nodes] of Object.entries(DIALOGUE)) {
    if (tree.startsWith('_')) continue;
    if (!nodes.start) fail(f, `${tree} needs a 'start' node`);
    for (const [id, node] of Object.entries(nodes)) {
      if (typeof node.text !== 'string' || !Array.isArray(node.choices) || node.choices.length === 0 || node.choices.length > 9) {
        fail(f, `${tree}.${id} needs a text and 1 to 9 choices`);
      }
      node.choices.forEach((c, i) => {
        const at = `${tree}.${id}.choices[${i}]`;
        if (typeof c.text !== 'string') fail(f, `${at} needs a text`);
        if ((c.goto === undefined) === (c.end === undefined)) fail(f, `${at} needs either 'goto' or 'end'`);
        if (c.goto !== undefined && !nodes[c.goto]) fail(f, `${at}.goto '${c.goto}' is not a node of ${tree}`);
        if (c.quest !== undefined && !questById(c.quest)) fail(f, `${at}.quest '${c.quest}' is not in quests.json`);
        if (c.requires?.quest !== undefined && !questById(c.requires.quest)) fail(f, `${at}.requires.quest '${c.requires.quest}' is not in quests.json`);
      });
    }
  }
}

function checkDaily() {
  const f = 'daily.json';
  if (!Number.isInteger(DAILY.drawSeed)) fail(f, `drawSeed must be a whole number, not ${JSON.stringify(DAILY.drawSeed)}`);
  if (!Array.isArray(DAILY.streak.cash) || DAILY.streak.cash.length === 0) fail(f, 'streak.cash must list the cash of each streak day');
  DAILY.streak.cash.forEach((c, i) => positive(f, `streak.cash[${i}]`, c));
  const pool = DAILY.challenges.pool;
  const perDay = DAILY.challenges.perDay;
  if (!Number.isInteger(perDay) || perDay < 1 || perDay * 2 > pool.length) {
    fail(f, `challenges.perDay must be at least 1 and at most half the pool (${pool.length}), so every day can differ from the one before`);
  }
  const ids = new Set();
  pool.forEach((c, i) => {
    if (typeof c.id !== 'string' || ids.has(c.id)) fail(f, `challenges.pool[${i}] needs an id of its own`);
    ids.add(c.id);
    if (typeof c.text !== 'string') fail(f, `challenges.pool[${i}] needs a text`);
    checkTrigger(f, `challenges.pool[${i}].trigger`, c.trigger);
    if (c.trigger.after !== undefined) fail(f, `challenges.pool[${i}]: a challenge cannot use an 'after' trigger`);
    positive(f, `challenges.pool[${i}].points`, c.points);
  });
  const ascending = (list, path) => list.forEach((m, i) => {
    positive(f, `${path}[${i}].points`, m.points);
    if (i > 0 && m.points <= list[i - 1].points) fail(f, `${path}[${i}].points must grow from entry to entry`);
    checkReward(f, `${path}[${i}].reward`, m.reward);
  });
  ascending(DAILY.weekly.milestones, 'weekly.milestones');
  ascending(DAILY.track.tiers, 'track.tiers');
  if (!Number.isInteger(DAILY.inbox.keep) || DAILY.inbox.keep < 1) fail(f, 'inbox.keep must be a whole number >= 1');
}

function checkBroadcasts() {
  const f = 'broadcasts.json';
  for (const [id, e] of Object.entries(BROADCASTS.events)) {
    if (typeof e.name !== 'string' || typeof e.text !== 'string' || typeof e.endText !== 'string') fail(f, `events.${id} needs a name, a text and an endText`);
    if (!(ms(e.duration) > 0)) fail(f, `events.${id}.duration must be a duration like "6h"`);
    for (const [room, props] of Object.entries(e.set ?? {})) {
      if (typeof props !== 'object' || props === null) fail(f, `events.${id}.set.${room} must be an object of room properties`);
    }
  }
  BROADCASTS.schedule.forEach((s, i) => {
    const at = `schedule[${i}]`;
    if (!(s.event in BROADCASTS.events)) fail(f, `${at}.event '${s.event}' is not in events`);
    hour(f, `${at}.hour`, s.hour);
    (s.weekdays ?? []).forEach((d) => { if (!WEEKDAYS.includes(d)) fail(f, `${at}.weekdays: '${d}' is not one of ${WEEKDAYS.join(', ')}`); });
    (s.seasons ?? []).forEach((x) => { if (!(x in EVENTS.seasons)) fail(f, `${at}.seasons: '${x}' is not a season of events.json`); });
    if (s.chance !== undefined && !(s.chance > 0 && s.chance <= 1)) fail(f, `${at}.chance must be in (0, 1]`);
  });
}

checkCalendar();
checkQuests();
checkDialogue();
checkDaily();
checkBroadcasts();

/**
 * The references into world data: rooms, item templates and NPCs named by the tables. Called from the
 * pack's `check()` (the world is readable there), so a table naming a room that does not exist stops a reload.
 */
export function checkWorldRefs(npcIds) {
  const problems = [];
  const room = (file, path, id) => { if (!game.entity(id)) problems.push(`data/${file}: ${path}: there is no room '${id}'`); };
  const template = (file, path, id) => { if (!game.entity(id)) problems.push(`data/${file}: ${path}: there is no item template '${id}'`); };
  const trigger = (file, path, t) => {
    if (typeof t.enter === 'string') room(file, `${path}.enter`, t.enter);
    if (typeof t.item === 'string') template(file, `${path}.item`, t.item);
    if (t.talk !== undefined && !npcIds.includes(t.talk)) problems.push(`data/${file}: ${path}.talk: there is no NPC '${t.talk}'`);
  };
  const reward = (file, path, r) => (r?.items ?? []).forEach((id, i) => template(file, `${path}.items[${i}]`, id));
  QUESTS.quests.forEach((q, i) => {
    q.steps.forEach((s, j) => trigger('quests.json', `quests[${i}].steps[${j}].trigger`, s.trigger));
    reward('quests.json', `quests[${i}].reward`, q.reward);
    if (q.giver !== undefined && !npcIds.includes(q.giver)) problems.push(`data/quests.json: quests[${i}].giver: there is no NPC '${q.giver}'`);
  });
  DAILY.challenges.pool.forEach((c, i) => trigger('daily.json', `challenges.pool[${i}].trigger`, c.trigger));
  DAILY.weekly.milestones.forEach((m, i) => reward('daily.json', `weekly.milestones[${i}].reward`, m.reward));
  DAILY.track.tiers.forEach((m, i) => reward('daily.json', `track.tiers[${i}].reward`, m.reward));
  for (const [id, e] of Object.entries(BROADCASTS.events)) Object.keys(e.set ?? {}).forEach((r) => room('broadcasts.json', `events.${id}.set`, r));
  return problems;
}
