// learn, practice and stop. The rules and numbers are in lib/learning.js and data/learning.json.
import { LEARNING, SKILLS } from '../lib/data.js';
import { changeVitals, findSkill, skillLevel, skillNames, vital } from '../lib/character.js';
import { bandFor, findMethod, sessionHours, terms } from '../lib/learning.js';
import { startActivity, stopActivity } from '../lib/activity.js';
import { companyOf, isAt } from '../lib/places.js';
import { roomOf } from '../lib/rooms.js';
import { clockTime, hoursText, parseHours } from '../lib/time.js';
import { listing, nameOf } from '../lib/text.js';

function methodNames(methods) {
  return listing(methods.map((m) => LEARNING.methods[m].name));
}

function skillList() {
  return skillNames().map((s) => SKILLS.skills[s].name).join(', ');
}

function bandsText(skill, level) {
  const band = bandFor(level);
  return `At ${skill} level ${level} you can learn from ${methodNames(band.methods)} `
    + `(levels ${band.levels[0]}–${band.levels[1]}, ${band.rate}× XP, ${band.risk} burnout risk).`;
}

/** Checks everything and starts the session; `method` is null for practice. */
function begin(ctx, skill, method, hours) {
  const level = skillLevel(ctx.player, skill);
  if (level >= SKILLS.maxLevel) {
    ctx.reply(`You have mastered ${skill}: there is nothing left to learn.`);
    return;
  }
  const t = terms(method);
  if (method) {
    const m = LEARNING.methods[method];
    const band = bandFor(level);
    if (!band.methods.includes(method)) {
      const fits = LEARNING.bands.find((b) => b.methods.includes(method));
      ctx.reply(`${m.name[0].toUpperCase()}${m.name.slice(1)} ${m.name.endsWith('s') ? 'are' : 'is'} for levels `
        + `${fits.levels[0]}–${fits.levels[1]}; your ${skill} is level ${level}. ${bandsText(skill, level)}`,
        { refused: 'level', method, level, methods: band.methods });
      return;
    }
    if (!isAt(ctx.player, m.place)) {
      ctx.reply(`You can only learn from ${m.name} ${m.where}.`, { refused: 'place', method });
      return;
    }
    if (m.company && companyOf(ctx.player).length < m.company) {
      ctx.reply(`Learning from ${m.name} needs company: ${m.where}.`, { refused: 'company', method });
      return;
    }
  }
  const energy = t.energyPerHour * hours;
  const cash = t.cashPerHour * hours;
  if (cash > vital(ctx.player, 'cash')) {
    ctx.reply(`That costs $${t.cashPerHour} an hour: $${cash} for ${hoursText(hours)}. You have $${vital(ctx.player, 'cash')}.`,
      { refused: 'cash', cost: cash });
    return;
  }
  if (energy > vital(ctx.player, 'energy')) {
    ctx.reply(`You are too tired: ${hoursText(hours)} of that take ${energy} energy and you have ${vital(ctx.player, 'energy')}. `
      + 'Rest or sleep first.', { refused: 'energy', energy });
    return;
  }
  const prior = sessionHours(ctx.player);
  changeVitals(ctx.player, { energy: -energy, cash: -cash }, method ? `lessons:${method}` : 'practice');
  const what = `${t.doing} ${skill}`;
  const busy = startActivity(ctx.player, {
    kind: 'learning', hours, doing: what,
    data: { skill, method, prior, energyPerHour: t.energyPerHour },
  });
  const paid = cash > 0 ? `, $${cash} paid` : '';
  const from = method ? ` from ${LEARNING.methods[method].name}` : '';
  ctx.reply(`You start ${method ? `learning ${skill}${from}` : `practising ${skill}`} for ${hoursText(hours)}, `
    + `until ${clockTime(busy.until)} (energy -${energy}${paid}).`,
    { activity: method ? 'learn' : 'practice', skill, method, hours, until: busy.until, energy, cash });
  const room = roomOf(ctx.player);
  if (room) game.toRoom(room.id, `${nameOf(game.entity(ctx.player))} starts ${what}.`, { except: ctx.player });
}

function readSkill(ctx, word) {
  const skill = findSkill(word);
  if (!skill) ctx.reply(`There is no skill '${word}'. Skills: ${skillList()}.`);
  return skill;
}

function readHours(ctx, word, verb, example) {
  if (word === undefined) return LEARNING.defaultHours;
  const hours = parseHours(word, LEARNING.maxHours);
  if (hours === null) {
    ctx.reply(`${verb} for how many hours? Give a whole number from 1 to ${LEARNING.maxHours}, like "${example}".`);
  }
  return hours;
}

export const learn = {
  name: 'learn',
  aliases: ['study'],
  help: 'Learn a skill by a method your level allows, for some hours of game time.',
  usage: 'learn <skill> <method> [hours]',
  run(ctx) {
    const [skillWord, methodWord, hoursWord, ...extra] = ctx.argv;
    if (!skillWord) {
      ctx.reply(`Learn what, and how? "learn <skill> <method> [hours]", e.g. "learn guitar books 2". Skills: ${skillList()}. `
        + `Methods by level: ${LEARNING.bands.map((b) => `${b.levels[0]}–${b.levels[1]}: ${methodNames(b.methods)}`).join('; ')}.`);
      return;
    }
    const skill = readSkill(ctx, skillWord);
    if (!skill) return;
    if (!methodWord) {
      ctx.reply(bandsText(skill, skillLevel(ctx.player, skill)) + ` Type "learn ${skill} <method> [hours]".`);
      return;
    }
    const method = findMethod(methodWord);
    if (!method) {
      ctx.reply(`There is no learning method '${methodWord}'. Methods: ${methodNames(Object.keys(LEARNING.methods))}.`);
      return;
    }
    if (extra.length > 0) {
      ctx.reply('Too many words: "learn <skill> <method> [hours]".');
      return;
    }
    const hours = readHours(ctx, hoursWord, 'Learn', 'learn guitar books 2');
    if (hours !== null) begin(ctx, skill, method, hours);
  },
};

export const practice = {
  name: 'practice',
  aliases: ['practise', 'pr'],
  help: 'Practise a skill on your own for some hours of game time.',
  usage: 'practice <skill> <hours>',
  run(ctx) {
    const [skillWord, hoursWord, ...extra] = ctx.argv;
    if (!skillWord) {
      ctx.reply(`Practise what? "practice <skill> <hours>", e.g. "practice guitar 2". Skills: ${skillList()}.`);
      return;
    }
    const skill = readSkill(ctx, skillWord);
    if (!skill) return;
    if (extra.length > 0) {
      ctx.reply('Too many words: "practice <skill> <hours>".');
      return;
    }
    const hours = readHours(ctx, hoursWord, 'Practise', 'practice guitar 2');
    if (hours !== null) begin(ctx, skill, null, hours);
  },
};

export const stop = {
  name: 'stop',
  help: 'Stop what you are busy with; the whole hours done so far count.',
  whileBusy: true,
  run(ctx) {
    if (!stopActivity(ctx.player)) ctx.reply('You are not busy with anything.');
  },
};
