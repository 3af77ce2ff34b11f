import { DIRECTIONS, OPPOSITE, SHORT, direction, roomOf, showRoom } from '../lib/rooms.js';
import { nameOf } from '../lib/text.js';

function walk(ctx, dir) {
  const room = roomOf(ctx.player);
  if (!room) {
    ctx.reply('You are nowhere and cannot go anywhere.');
    return;
  }
  const to = (room.props.exits ?? {})[dir];
  if (!to) {
    ctx.reply(`You can't go ${dir} from here.`);
    return;
  }
  const name = nameOf(game.entity(ctx.player));
  game.toRoom(room.id, `${name} leaves ${dir}.`, { except: ctx.player });
  game.move(ctx.player, to);
  const from = OPPOSITE[dir];
  game.toRoom(to, `${name} arrives${from === 'in' || from === 'out' ? '' : ` from the ${from}`}.`, { except: ctx.player });
  showRoom(ctx.player);
}

export const go = {
  name: 'go',
  help: 'Walk in a direction, e.g. "go north" or just "n".',
  usage: 'go <direction>',
  run(ctx) {
    const dir = direction(ctx.argv[0]);
    if (!dir) {
      ctx.reply(ctx.args === '' ? 'Go where? Try "go north", or look for the exits.'
        : `'${ctx.args}' is not a direction. Directions: ${DIRECTIONS.join(', ')}.`);
      return;
    }
    walk(ctx, dir);
  },
};

const shortFor = Object.fromEntries(Object.entries(SHORT).map(([short, dir]) => [dir, short]));

export const directionCommands = DIRECTIONS.map((dir) => ({
  name: dir,
  aliases: shortFor[dir] ? [shortFor[dir]] : [],
  help: `Walk ${dir}.`,
  run: (ctx) => walk(ctx, dir),
}));
