// Shared by the tests: a test module may import any file of its own pack (and nothing outside it).
export const START = 'downtown:station-plaza';
export const MAIN_STREET = 'downtown:main-street';

/** Where a player is now: the id of the room holding them. */
export function roomOf(w, player) {
  return w.entity(player.id).container;
}
