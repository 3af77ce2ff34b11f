// NPCs. Their templates are world data: the `npcs` property of their home room (world-data/README.md);
// this module makes each one an entity of kind `npc` (id `npc:<id>`) and runs their behaviours:
// - schedule: where the NPC is at each hour ({from, until, room}; hours or "dawn"/"dusk"; room null is
//   off stage) and room properties their home room gets meanwhile (`set`: the bar is open);
// - wander: each game hour, with `chance`, a step through an exit to a room of the same zone;
// - greet: what they say to a player who walks in.
// Which NPC is where is world state (the entity's container), so it survives reloads and restarts.
import npcTable from '../data/npcs.json' with { type: 'json' };
import { CALENDAR } from './living-data.js';
import { exitsOf } from './rooms.js';
import { ms, HOUR } from './time.js';
import { roll } from './world-dice.js';

let catalogue = null; // module cache: found again after a reload, from world data

function hourOf(value) {
  if (value === 'dawn') return CALENDAR.dawn;
  if (value === 'dusk') return CALENDAR.dusk;
  return value;
}

/** Every NPC declared in world data: [{id, home, ...template}], found by walking the rooms from `scanFrom`. */
export function npcTemplates() {
  if (catalogue) return catalogue;
  const found = [];
  const seen = new Set([npcTable.scanFrom]);
  const queue = [npcTable.scanFrom];
  while (queue.length > 0) {
    const room = game.entity(queue.shift());
    if (!room) continue;
    (room.props.npcs ?? []).forEach((npc) => found.push({ ...npc, home: room.id }));
    for (const { to } of exitsOf(room)) {
      if (!seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  catalogue = found;
  return found;
}

export function npcEntityId(id) {
  return `npc:${id}`;
}

/** Problems with the NPC declarations, for the pack's check(). */
export function checkNpcs() {
  const problems = [];
  npcTemplates().forEach((n) => {
    const at = `world-data ${n.home} npcs (${n.id})`;
    if (typeof n.id !== 'string' || typeof n.name !== 'string') problems.push(`${at}: an NPC needs an id and a name`);
    (n.schedule ?? []).forEach((s, i) => {
      if (s.room !== null && !game.entity(s.room)) problems.push(`${at}.schedule[${i}]: there is no room '${s.room}'`);
      [hourOf(s.from), hourOf(s.until)].forEach((h) => { if (!Number.isInteger(h) || h < 0 || h > 23) problems.push(`${at}.schedule[${i}]: from/until must be hours 0-23 or "dawn"/"dusk"`); });
    });
  });
  return problems;
}

/** Creates the NPC entities that do not exist yet and refreshes the others' properties from world data. */
export function ensureNpcs() {
  for (const n of npcTemplates()) {
    const id = npcEntityId(n.id);
    const props = { npc: n.id, name: n.name, description: n.description ?? '', keywords: n.keywords ?? [],
      dialogue: n.dialogue ?? null, greet: n.greet ?? null, home: n.home };
    const tags = ['npc', ...(n.tags ?? [])];
    const existing = game.entity(id);
    if (!existing) {
      game.spawn({ kind: 'npc', id, container: n.home, tags, props });
    } else {
      for (const [k, v] of Object.entries(props)) if (JSON.stringify(existing.props[k]) !== JSON.stringify(v)) game.setProp(id, k, v);
      tags.filter((t) => !existing.tags.includes(t)).forEach((t) => game.tag(id, t));
    }
  }
}

function slotAt(schedule, hour) {
  return schedule.find((s) => {
    const from = hourOf(s.from);
    const until = hourOf(s.until);
    return from <= until ? hour >= from && hour < until : hour >= from || hour < until;
  }) ?? null;
}

function nameIn(id) {
  return game.prop(id, 'name');
}

/** Puts every scheduled NPC where its schedule says for `cal.hour`, with what it says on the way. */
export function applySchedules(cal) {
  for (const n of npcTemplates()) {
    const slot = slotAt(n.schedule ?? [], cal.hour);
    if (!slot) continue;
    const id = npcEntityId(n.id);
    const where = game.entity(id)?.container ?? null;
    for (const [k, v] of Object.entries(slot.set ?? {})) {
      if (game.prop(n.home, k) !== v) game.setProp(n.home, k, v);
    }
    if (where === slot.room) continue;
    if (where && slot.leave) game.toRoom(where, slot.leave);
    game.move(id, slot.room);
    if (slot.room && slot.arrive) game.toRoom(slot.room, slot.arrive);
    if (where && !slot.leave && slot.room) game.toRoom(where, `${nameIn(id)} leaves.`);
  }
}

/** Each wandering NPC may step to a neighbouring room of its zone. */
export function wander() {
  for (const n of npcTemplates().filter((t) => t.wander)) {
    const id = npcEntityId(n.id);
    const container = game.entity(id)?.container;
    const here = container ? game.entity(container) : null;
    const hour = Math.floor(game.now() / HOUR);
    if (!here || roll(`wander:${n.id}:${hour}`) >= (n.wander.chance ?? 1)) continue;
    const zone = n.wander.zone ?? game.prop(n.home, 'zone');
    const ways = exitsOf(here).filter(({ to }) => game.prop(to, 'zone') === zone);
    if (ways.length === 0) continue;
    const { dir, to } = ways[Math.floor(roll(`wander-way:${n.id}:${hour}`) * ways.length)];
    game.toRoom(here.id, `${nameIn(id)} wanders off ${dir}.`);
    game.move(id, to);
    game.toRoom(to, `${nameIn(id)} wanders in.`);
  }
}

/** The NPCs in a room. */
export function npcsIn(room) {
  return game.contents(room, 'npc');
}

/** A player walked into a room: the NPCs there who greet do (not more often than `greetEvery`). */
export function greet(player, room) {
  for (const npc of npcsIn(room).filter((n) => n.props.greet)) {
    const greeted = game.prop(player, 'greeted') ?? {};
    if (greeted[npc.id] !== undefined && game.now() - greeted[npc.id] < ms(npcTable.greetEvery)) continue;
    game.setProp(player, 'greeted', { ...greeted, [npc.id]: game.now() });
    game.tell(player, npc.props.greet, { npc: npc.id });
  }
}

/** The NPC in a room that a player means ("mira", "bartender"), or the only one there if `word` is empty. */
export function findNpc(room, word) {
  const here = npcsIn(room);
  const w = (word ?? '').toLowerCase().trim();
  if (w === '') return here.length === 1 ? here[0] : null;
  return here.find((n) => n.props.npc === w || n.props.name.toLowerCase() === w || n.props.keywords.includes(w)
    || n.props.name.toLowerCase().split(/\s+/).includes(w)) ?? null;
}
