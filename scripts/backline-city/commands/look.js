import { direction, roomOf, showRoom } from '../lib/rooms.js';
import { nameOf } from '../lib/text.js';
import { carried, conditionText, findItem, modifiersText, onFloor, slotOf } from '../lib/items.js';

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
    const here = game.contents(room.id).filter((e) => e.id !== ctx.player);
    const item = findItem([...carried(ctx.player), ...onFloor(room.id)], ctx.args);
    const target = here.filter((e) => e.kind !== 'item')
      .find((e) => nameOf(e).toLowerCase() === wanted || nameOf(e).toLowerCase().startsWith(wanted))
      ?? item?.entity;
    if (!target) {
      ctx.reply(`You don't see '${ctx.args}' here.`);
      return;
    }
    if (item && target === item.entity) {
      const notes = [slotOf(item) || item.props.skill ? conditionText(item.props) : null, item.props.unique ? 'one of a kind' : null,
        modifiersText(item.props) || null].filter(Boolean);
      ctx.reply(`${(item.props.description ?? `It is ${item.name}.`).trim()}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`,
        { target: item.id, kind: 'item', name: item.name, template: item.entity.template, condition: item.props.condition ?? null });
      return;
    }
    const description = target.props.description ?? (target.kind === 'player'
      ? `${nameOf(target)} looks like a musician on the way up.`
      : `It is ${nameOf(target)}.`);
    ctx.reply(description.trim(), { target: target.id, kind: target.kind, name: nameOf(target) });
  },
};
