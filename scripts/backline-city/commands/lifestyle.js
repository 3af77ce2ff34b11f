// sleep, rest, work, eat and drink (numbers in data/lifestyle.json).
import { LIFESTYLE } from '../lib/data.js';
import { changeVitals, vital } from '../lib/character.js';
import { startActivity } from '../lib/activity.js';
import { addEffect } from '../lib/effects.js';
import { describeChanges, vitalsNow } from '../lib/lifestyle.js';
import { isAt } from '../lib/places.js';
import { roomOf } from '../lib/rooms.js';
import { clockTime, hoursText, parseHours } from '../lib/time.js';
import { nameOf } from '../lib/text.js';

function toRoom(ctx, text) {
  const room = roomOf(ctx.player);
  if (room) game.toRoom(room.id, `${nameOf(game.entity(ctx.player))} ${text}`, { except: ctx.player });
}

function timed(key, { name, aliases, help, doing, starts, others }) {
  return {
    name,
    aliases,
    help,
    usage: `${name} [hours]`,
    run(ctx) {
      const table = LIFESTYLE[key];
      const hours = ctx.argv.length === 0 ? table.defaultHours : parseHours(ctx.argv[0], table.maxHours);
      if (hours === null || ctx.argv.length > 1) {
        ctx.reply(`For how many hours? Give a whole number from 1 to ${table.maxHours}, like "${name} ${table.defaultHours}".`);
        return;
      }
      if (!isAt(ctx.player, table.place)) {
        ctx.reply(`You can only ${name} ${table.where}.`, { refused: 'place' });
        return;
      }
      const cost = Object.entries(table.perHour).find(([k, v]) => k === 'energy' && v < 0);
      if (cost && -cost[1] * hours > vital(ctx.player, 'energy')) {
        ctx.reply(`You are too tired to ${name} for ${hoursText(hours)}: it takes ${-cost[1] * hours} energy and you have `
          + `${vital(ctx.player, 'energy')}.`, { refused: 'energy' });
        return;
      }
      const busy = startActivity(ctx.player, { kind: key, hours, doing, data: { before: vitalsNow(ctx.player, key) } });
      ctx.reply(`${starts} for ${hoursText(hours)}, until ${clockTime(busy.until)}.`, { activity: key, hours, until: busy.until });
      toRoom(ctx, others);
    },
  };
}

export const sleep = timed('sleep', {
  name: 'sleep', aliases: ['zz'], help: 'Sleep for some hours (8 by default): energy and health return, burnout falls.',
  doing: 'sleeping', starts: 'You lie down and fall asleep', others: 'lies down and falls asleep.',
});

export const rest = timed('rest', {
  name: 'rest', aliases: ['relax'], help: 'Rest for some hours (1 by default): energy returns and burnout falls.',
  doing: 'resting', starts: 'You sit back and rest', others: 'sits back to rest.',
});

export const work = timed('work', {
  name: 'work', aliases: [], help: 'Work a shift in a shop for cash; it is tiring and stressful.',
  doing: 'working a shift', starts: 'You start a shift', others: 'starts a shift behind the counter.',
});

function consume(key, { verb, doing, others }) {
  return (ctx) => {
    const table = LIFESTYLE[key];
    if (!isAt(ctx.player, table.place)) {
      ctx.reply(`You can only ${verb} ${table.where}. (To ${verb} something you carry, type "use <item>".)`, { refused: 'place' });
      return;
    }
    if (vital(ctx.player, 'cash') < table.price) {
      ctx.reply(`That costs $${table.price} and you have $${vital(ctx.player, 'cash')}.`, { refused: 'cash' });
      return;
    }
    const applied = changeVitals(ctx.player, { ...table.change, cash: -table.price }, key);
    ctx.reply(`You ${doing} ($${table.price}). ${describeChanges(Object.fromEntries(Object.entries(applied).filter(([k]) => k !== 'cash')))}`.trim(),
      { [key]: true, ...applied });
    if (table.effect) addEffect(ctx.player, table.effect);
    toRoom(ctx, others);
  };
}

export const eat = {
  name: 'eat',
  help: 'Buy a meal where food is sold: energy, health and mood go up.',
  run: consume('eat', { verb: 'eat', doing: 'eat a hot meal', others: 'tucks into a meal.' }),
};

export const drink = {
  name: 'drink',
  help: 'Buy a drink at a bar: mood goes up; a few too many and tomorrow hurts.',
  run: consume('drink', { verb: 'drink', doing: 'knock back a drink', others: 'orders a drink.' }),
};
