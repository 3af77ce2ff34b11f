// What the living world tells a player about their progress (quest steps, challenges, the streak, unread
// notices) comes a game minute after what caused it, in one batch: the answer to a command stays the
// command's own, and several notes from one moment arrive together. Each note is an event of its own type
// (`quests`, `daily`, `inbox`), never a plain `message`. Pending notes are kept on the player, so a reload or
// restart does not lose them.
export const NOTES_TIMER = 'worldNotes';
const DELAY = '1m';

/** Queues an event for the player: sent a game minute from now, with whatever else is queued by then. */
export function note(player, type, text, payload) {
  const pending = game.prop(player, 'notes') ?? [];
  game.setProp(player, 'notes', [...pending, { type, text, payload }]);
  if (pending.length === 0) game.after(DELAY, NOTES_TIMER, { player });
}

export function onNotesTimer(data) {
  const pending = game.prop(data.player, 'notes') ?? [];
  if (pending.length === 0) return;
  game.setProp(data.player, 'notes', null);
  if (!game.isOnline(data.player)) return; // what matters is in the inbox and the quest list already
  for (const n of pending) game.send(data.player, n.type, n.text, n.payload);
}
