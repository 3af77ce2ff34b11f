// Shared by the living-world tests (calendar, quests, NPCs, the daily loop, broadcasts).
export const BAR = 'nightlife:broken-string';
export const CLUB = 'nightlife:the-basement';
export const SCHOOL = 'arts-quarter:music-school';
export const CANAL = 'arts-quarter:canal-walk';

/** Advances to the next time the game clock reads `hour`:00 (a whole day on if it reads that now). */
export function advanceTo(w, hour) {
  const now = new Date(w.now());
  const minutes = ((hour - now.getUTCHours() + 24) % 24) * 60 - now.getUTCMinutes();
  w.advance(`${minutes <= 0 ? minutes + 1440 : minutes}m`);
}

/** The player's progress in a quest from the last `quests` event: {step, steps, done, ...} or undefined. */
export function quest(player, id) {
  return player.last('quests')?.payload.quests.find((q) => q.id === id);
}

/** The lines of the player's transcript that start with `prefix`. */
export function linesStarting(player, prefix) {
  return player.transcript().split('\n').filter((l) => l.startsWith(prefix));
}

/** The templates of the items a player carries. */
export function carriedTemplates(w, player) {
  return w.contents(player.id, 'item').map((i) => i.template);
}
