// Shared by the tests: a test module may import any file of its own pack (and nothing outside it).
export const START = 'downtown:station-plaza';
export const MAIN_STREET = 'downtown:main-street';
export const MARKET = 'downtown:market-square';
export const MUSIC_SHOP = 'downtown:music-shop';
export const LIVE_ROOM = 'arts-quarter:live-room';
export const SCHOOL = 'arts-quarter:music-school';
export const PRACTICE_ROOMS = 'arts-quarter:practice-rooms';
export const VENUE = 'nightlife:the-basement';
export const BAR = 'nightlife:broken-string';

/** Where a player is now: the id of the room holding them. */
export function roomOf(w, player) {
  return w.entity(player.id).container;
}

/** A player's props (stats, vitals, skills, effects, busy, ...). */
export function props(w, player) {
  return w.entity(player.id).props;
}

/** Sets one skill's level (and XP within it). */
export function setSkill(w, player, skill, level, xp = 0) {
  const skills = props(w, player).skills;
  w.setProp(player.id, 'skills', { ...skills, [skill]: { level, xp } });
}

/** Sets vitals, e.g. {cash: 500, burnout: 60}. */
export function setVitals(w, player, values) {
  w.setProp(player.id, 'vitals', { ...props(w, player).vitals, ...values });
}

/** Joins a player and puts them in a quiet room (no busking), so random events stay out of the way. */
export function joinAt(w, name, room = LIVE_ROOM) {
  const player = w.join(name);
  w.move(player.id, room);
  player.clear();
  return player;
}

/** The merged payloads of the stat_update events a player got. */
export function statUpdates(player) {
  return player.events('stat_update').map((e) => e.payload);
}
