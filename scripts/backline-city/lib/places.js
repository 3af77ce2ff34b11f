// Where things may be done: a place in the data is {"tag": "school"} or {"prop": "food"}, matched
// against the room's tags and properties in world-data.
import { roomOf } from './rooms.js';

export function roomMatches(room, place) {
  if (!place) return true;
  if (!room) return false;
  if (place.tag !== undefined) return room.tags.includes(place.tag);
  return Boolean(room.props[place.prop]);
}

/** Whether the player stands in such a place (always true when `place` is empty). */
export function isAt(playerId, place) {
  return roomMatches(roomOf(playerId), place);
}

/** The other players online in the player's room. */
export function companyOf(playerId) {
  const room = roomOf(playerId);
  if (!room) return [];
  return game.playersIn(room.id).filter((p) => p.id !== playerId);
}
