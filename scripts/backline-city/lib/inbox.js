// The inbox: notices a player should read even if they were away when they happened (rewards, world
// events). Kept on the player (`inbox`, the latest data/daily.json `inbox.keep`); world notices are kept in
// the pack state (`notices`) and handed to each player at their next login.
import { DAILY } from './living-data.js';

const WORLD_NOTICES = 'notices';

/** Adds a notice to a player's inbox. */
export function notify(player, text) {
  const seq = (game.prop(player, 'inboxSeq') ?? 0) + 1;
  const inbox = [...(game.prop(player, 'inbox') ?? []), { id: seq, text, at: game.now(), read: false }];
  game.setProp(player, 'inboxSeq', seq);
  game.setProp(player, 'inbox', inbox.slice(-DAILY.inbox.keep));
}

/** Records a notice for everyone: players online now have it already (a broadcast); the others get it at login. */
export function worldNotice(text) {
  const notices = [...(game.state(WORLD_NOTICES) ?? []), { text, at: game.now() }];
  game.setState(WORLD_NOTICES, notices.slice(-DAILY.inbox.keep));
}

/** At login: the world notices since the player left go into their inbox. */
export function deliverMissed(player) {
  const seen = game.prop(player, 'lastSeen');
  if (seen !== null) {
    (game.state(WORLD_NOTICES) ?? []).filter((n) => n.at > seen).forEach((n) => notify(player, n.text));
  }
  markSeen(player);
}

/** Remembers when the player last heard the world's broadcasts live (at login and when leaving). */
export function markSeen(player) {
  game.setProp(player, 'lastSeen', game.now());
}

export function inboxPayload(player) {
  const notices = game.prop(player, 'inbox') ?? [];
  return { unread: notices.filter((n) => !n.read).length, notices };
}

/** Marks every notice read. */
export function markRead(player) {
  const notices = game.prop(player, 'inbox') ?? [];
  if (notices.some((n) => !n.read)) game.setProp(player, 'inbox', notices.map((n) => ({ ...n, read: true })));
}
