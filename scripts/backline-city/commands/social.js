import { roomOf } from '../lib/rooms.js';
import { nameOf } from '../lib/text.js';
import { rosterPage } from '../lib/roster.js';

const MAX_SAY = 500;

export const say = {
  name: 'say',
  aliases: ["'"],
  help: 'Say something to everyone in the room.',
  usage: 'say <text>',
  run(ctx) {
    const text = ctx.args.trim();
    if (text === '') {
      ctx.reply('Say what?');
      return;
    }
    if (text.length > MAX_SAY) {
      ctx.reply(`That is too long to say in one breath (at most ${MAX_SAY} characters).`);
      return;
    }
    const room = roomOf(ctx.player);
    const name = nameOf(game.entity(ctx.player));
    const payload = { channel: 'say', from: ctx.player, name, text };
    ctx.reply(`You say, "${text}"`, payload);
    if (room) {
      game.toRoom(room.id, `${name} says, "${text}"`, { except: ctx.player, payload });
    }
  },
};

// A crowded server has thousands online: `who` shows a page of them, and "who <name>" narrows it down.
export const WHO_SHOWN = 40;

export const who = {
  name: 'who',
  help: `List the players who are online and where they are (the first ${WHO_SHOWN} by name); "who <name>" lists those whose name starts so.`,
  usage: 'who [name]',
  run(ctx) {
    const prefix = ctx.args.trim();
    const page = rosterPage(prefix, WHO_SHOWN);
    const rooms = new Map(); // a page of forty players stands in a few rooms: read each once
    const roomOf = (id) => {
      if (id === null) return null;
      if (!rooms.has(id)) rooms.set(id, game.entity(id));
      return rooms.get(id);
    };
    const players = page.players.map((p) => {
      const room = roomOf(p.room);
      return { id: p.id, name: p.name, room: room ? room.id : null, roomName: room ? nameOf(room) : null };
    });
    const more = page.total - players.length;
    const counted = `${page.total} ${page.total === 1 ? 'player is' : 'players are'} online`;
    if (prefix !== '' && page.total === 0) {
      ctx.reply(`Nobody online has a name starting with "${prefix}".`, { players, count: 0, more: 0 });
      return;
    }
    const lines = [prefix === '' ? `${counted}:` : `${counted} whose name starts with "${prefix}":`];
    for (const p of players) {
      lines.push(`  ${p.name}${p.id === ctx.player ? ' (you)' : ''} — ${p.roomName ?? 'somewhere'}`);
    }
    if (more > 0) {
      lines.push(`  …and ${more} more. Type "who <name>" to find someone.`);
    }
    ctx.reply(lines.join('\n'), { players, count: page.total, more });
  },
};
