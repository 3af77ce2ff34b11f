import { direction, roomOf, showRoom } from '../lib/rooms.js';
import { nameOf } from '../lib/text.js';

export const look = {
  name: 'look',
  aliases: ['l'],
  help: 'Look around, at someone or something here, or in a direction.',
  usage: 'look [target|direction]',
  run(ctx) {
    if (ctx.args === '') {
      showRoom(ctx.player);
      return;
    }
    const room = roomOf(ctx.player);
    if (!room) {
      ctx.reply('There is nothing to see here.');
      return;
    }
    const dir = direction(ctx.args);
    if (dir) {
      const to = (room.props.exits ?? {})[dir];
      ctx.reply(to ? `To the ${dir} you see ${nameOf(game.entity(to))}.` : `There is no way ${dir}.`);
      return;
    }
    const wanted = ctx.args.toLowerCase();
    const target = game.contents(room.id)
      .filter((e) => e.id !== ctx.player)
      .find((e) => nameOf(e).toLowerCase() === wanted || nameOf(e).toLowerCase().startsWith(wanted));
    if (!target) {
      ctx.reply(`You don't see '${ctx.args}' here.`);
      return;
    }
    const description = target.props.description ?? (target.kind === 'player'
      ? `${nameOf(target)} looks like a musician on the way up.`
      : `It is ${nameOf(target)}.`);
    ctx.reply(description, { target: target.id, kind: target.kind, name: nameOf(target) });
  },
};
