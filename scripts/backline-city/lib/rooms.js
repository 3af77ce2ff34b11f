// Reading rooms and describing them to players.
import { listing, nameOf } from './text.js';
import { roomDescription } from './daylight.js';

export const DIRECTIONS = ['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest',
                           'up', 'down', 'in', 'out'];

export const SHORT = { n: 'north', s: 'south', e: 'east', w: 'west', ne: 'northeast', nw: 'northwest',
                       se: 'southeast', sw: 'southwest', u: 'up', d: 'down' };

export const OPPOSITE = { north: 'south', south: 'north', east: 'west', west: 'east', northeast: 'southwest',
                          southwest: 'northeast', northwest: 'southeast', southeast: 'northwest', up: 'down',
                          down: 'up', in: 'out', out: 'in' };

/** The room a player (or anything) is in, as an entity view, or null. */
export function roomOf(id) {
  const self = game.entity(id);
  return self && self.container ? game.entity(self.container) : null;
}

export function exitsOf(room) {
  const exits = room.props.exits ?? {};
  return DIRECTIONS.filter((dir) => exits[dir]).map((dir) => ({ dir, to: exits[dir] }));
}

/** Resolves what a player typed ("n", "North", "northeast") to a direction, or null. */
export function direction(word) {
  if (!word) return null;
  const w = word.toLowerCase();
  return SHORT[w] ?? (DIRECTIONS.includes(w) ? w : null);
}

/** How many of the other players in a room `look` names; the rest are counted. */
export const ROOM_NAMES_SHOWN = 20;

/** Sends the `room` event: a readable description plus a payload clients can draw panels from. */
export function showRoom(playerId) {
  const room = roomOf(playerId);
  if (!room) {
    game.send(playerId, 'room', 'You are nowhere. Type "help".', { id: null });
    return;
  }
  const exits = exitsOf(room).map(({ dir, to }) => {
    const target = game.entity(to);
    return { dir, to, name: target ? nameOf(target) : to };
  });
  // A crowded room shows some of its players by name and counts the rest; game.playersIn hands over the
  // connected ones in one call, where asking game.isOnline of each cost a crossing per player.
  const others = game.playersIn(room.id).filter((p) => p.id !== playerId);
  const shown = others.slice(0, ROOM_NAMES_SHOWN).map((p) => ({ id: p.id, name: nameOf(p) }));
  const unnamed = others.length - shown.length;
  const here = game.contents(room.id);
  const things = here
    .filter((e) => e.kind !== 'player' && e.kind !== 'room' && e.kind !== 'npc')
    .map((e) => ({ id: e.id, kind: e.kind, name: nameOf(e) }));
  const npcs = here.filter((e) => e.kind === 'npc').map((e) => ({ id: e.id, name: nameOf(e) }));
  const description = roomDescription(room); // the `night` text after dusk, where a room has one
  const lines = [room.props.name, description];
  lines.push(exits.length > 0 ? `Exits: ${exits.map((e) => e.dir).join(', ')}.` : 'There is no way out.');
  if (unnamed > 0) {
    lines.push(`Here: ${shown.map((p) => p.name).join(', ')} and ${unnamed} ${unnamed === 1 ? 'other' : 'others'}.`);
  } else if (shown.length > 0) {
    lines.push(`Here: ${listing(shown.map((p) => p.name))}.`);
  }
  if (npcs.length > 0) lines.push(`${listing(npcs.map((n) => n.name))} ${npcs.length === 1 ? 'is' : 'are'} here.`);
  if (things.length > 0) lines.push(`You see ${listing(things.map((t) => t.name))}.`);
  game.send(playerId, 'room', lines.join('\n'), {
    id: room.id,
    name: room.props.name,
    zone: room.props.zone ?? null,
    description,
    exits,
    players: shown,
    playerCount: others.length,
    npcs,
    items: things,
  });
}
