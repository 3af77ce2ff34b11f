// Game-master commands, all under one verb so none clashes with a player's command (`give <item> <player>`
// stays the players'): `gm teleport`, `gm spawn`, `gm give`, `gm inspect`, `gm broadcast`. Only accounts with
// the role gm or admin (game.role, set by the server from the account) may use them; a player gets the error
// code `forbidden`. Every use is written to the server's audit log (game.audit) with what changed.
import { nameOf } from '../lib/text.js';
import { showRoom } from '../lib/rooms.js';

const GM_ROLES = ['gm', 'admin'];
const MAX_BROADCAST = 500;

const USAGE = [
  'gm teleport <player> <room id>   move a player (yourself: "me") to a room',
  'gm spawn <template id>           make an item or NPC from a template, here',
  'gm give <template id> <player>   make an item from a template in a player\'s inventory',
  'gm inspect <player | entity id>  show everything about an entity',
  'gm broadcast <text>              tell every player online',
].join('\n');

function fail(ctx, text) {
  ctx.reply(text, { refused: 'gm_usage' });
}

/** A player by name or id, online or not; null if there is none. */
function player(ctx, word) {
  if (!word) return null;
  if (word.toLowerCase() === 'me') return game.entity(ctx.player);
  const id = word.includes(':') ? word : `player:${word.toLowerCase()}`;
  const found = game.entity(id);
  return found && found.kind === 'player' ? found : null;
}

/** The kind an entity made from `template` gets: an `item-template` makes an `item`. */
function kindFrom(template) {
  const t = game.entity(template);
  if (!t || !t.kind.endsWith('-template')) return null;
  return t.kind.slice(0, -'-template'.length);
}

const SUBCOMMANDS = {
  teleport(ctx, [who, to]) {
    const target = player(ctx, who);
    const room = to ? game.entity(to) : null;
    if (!target || !room || room.kind !== 'room') {
      fail(ctx, 'Usage: gm teleport <player | me> <room id>, e.g. gm teleport me downtown:station-plaza');
      return;
    }
    const from = target.container;
    game.move(target.id, room.id);
    if (target.id !== ctx.player) game.tell(target.id, 'A game master moves you.');
    if (game.isOnline(target.id)) showRoom(target.id);
    game.audit(ctx.player, 'gm.teleport', target.id, { before: from, after: room.id });
    ctx.reply(`${nameOf(target)} is now in ${nameOf(room)}.`, { player: target.id, from, to: room.id });
  },

  spawn(ctx, [template]) {
    const kind = template ? kindFrom(template) : null;
    const here = game.entity(ctx.player).container;
    if (!kind || !here) {
      fail(ctx, 'Usage: gm spawn <template id>, e.g. gm spawn item:busted-acoustic');
      return;
    }
    const id = game.spawn({ kind, template, container: here });
    game.audit(ctx.player, 'gm.spawn', id, { template, container: here });
    ctx.reply(`You make ${nameOf(game.entity(id))} appear.`, { spawned: id, template });
  },

  give(ctx, [template, who]) {
    const target = player(ctx, who);
    const kind = template ? kindFrom(template) : null;
    if (kind !== 'item' || !target) {
      fail(ctx, 'Usage: gm give <item template id> <player>, e.g. gm give item:busted-acoustic alice');
      return;
    }
    const id = game.spawn({ kind, template, container: target.id, props: { owner: target.id } });
    const item = game.entity(id);
    if (target.id !== ctx.player) game.tell(target.id, `A game master gives you ${nameOf(item)}.`);
    game.audit(ctx.player, 'gm.give', target.id, { item: id, template });
    ctx.reply(`${nameOf(target)} now has ${nameOf(item)}.`, { item: id, to: target.id });
  },

  inspect(ctx, [what]) {
    const found = player(ctx, what) ?? (what ? game.entity(what) : null);
    if (!found) {
      fail(ctx, 'Usage: gm inspect <player | entity id>');
      return;
    }
    const contents = game.contents(found.id).map((e) => e.id);
    game.audit(ctx.player, 'gm.inspect', found.id, {});
    ctx.reply(`${found.id} (${found.kind}) in ${found.container ?? 'nowhere'}\n${JSON.stringify(found.props, null, 2)}`,
      { entity: found, contents });
  },

  broadcast(ctx, words) {
    const text = words.join(' ').trim();
    if (text === '' || text.length > MAX_BROADCAST) {
      fail(ctx, `Usage: gm broadcast <text> (at most ${MAX_BROADCAST} characters)`);
      return;
    }
    const online = game.online();
    for (const p of online) {
      game.send(p.id, 'broadcast', `[Game master] ${text}`, { from: ctx.player, text });
    }
    game.audit(ctx.player, 'gm.broadcast', null, { text, reached: online.length });
  },
};

export const gm = {
  name: 'gm',
  help: 'Game-master commands (game masters only): teleport, spawn, give, inspect, broadcast.',
  usage: 'gm <teleport | spawn | give | inspect | broadcast> ...',
  whileBusy: true,
  readOnly: true,
  run(ctx) {
    if (!GM_ROLES.includes(game.role(ctx.player))) {
      game.send(ctx.player, 'error', 'Only game masters may do that.', { code: 'forbidden' });
      return;
    }
    const [sub, ...rest] = ctx.argv;
    const handler = sub ? SUBCOMMANDS[sub.toLowerCase()] : undefined;
    if (!handler) {
      fail(ctx, USAGE);
      return;
    }
    handler(ctx, rest);
  },
};
