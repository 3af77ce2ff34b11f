import { roomOf } from '../lib/rooms.js';
import { compareText, nameOf } from '../lib/text.js';

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

export const who = {
  name: 'who',
  help: 'List the players who are online and where they are.',
  run(ctx) {
    const players = game.online().map((p) => {
      const room = p.room ? game.entity(p.room) : null;
      return { id: p.id, name: p.name, room: p.room, roomName: room ? nameOf(room) : null };
    });
    players.sort((a, b) => compareText(a.name, b.name));
    const lines = [`${players.length} ${players.length === 1 ? 'player is' : 'players are'} online:`];
    for (const p of players) {
      lines.push(`  ${p.name}${p.id === ctx.player ? ' (you)' : ''} — ${p.roomName ?? 'somewhere'}`);
    }
    ctx.reply(lines.join('\n'), { players });
  },
};
