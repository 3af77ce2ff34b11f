// The character sheet and the skills list.
import { CHARACTER, SKILLS } from '../lib/data.js';
import { character, snapshot } from '../lib/character.js';
import { activeEffects } from '../lib/effects.js';
import { currentActivity } from '../lib/activity.js';
import { clockTime, formatDuration } from '../lib/time.js';
import { nameOf } from '../lib/text.js';

function signed(diff) {
  return diff === 0 ? '' : ` (${diff > 0 ? '+' : ''}${Math.round(diff * 10) / 10})`;
}

function skillLine(id, s) {
  const progress = s.next === null ? 'mastered' : `${s.xp}/${s.next} XP`;
  return `${SKILLS.skills[id].name} ${s.level}${signed(s.effective - s.level)}, ${progress}`;
}

export const stats = {
  name: 'stats',
  aliases: ['sheet', 'score', 'st'],
  help: 'Show your character sheet: stats, health, energy, mood, burnout, cash, fame and skills.',
  whileBusy: true,
  readOnly: true,
  run(ctx) {
    const me = character(ctx.player);
    const snap = snapshot(ctx.player);
    const lines = [`${nameOf(me)}, musician`];
    lines.push(Object.entries(CHARACTER.stats)
      .map(([k, def]) => `${def.name} ${snap[k]}${signed(snap[k] - me.props.stats[k])}`).join('  '));
    const v = (k) => CHARACTER.vitals[k];
    lines.push(`${v('health').name} ${snap.health}/${snap.maxHealth}  ${v('energy').name} ${snap.energy}/${snap.maxEnergy}  `
      + `${v('mood').name} ${snap.mood}/${snap.maxMood}  ${v('burnout').name} ${snap.burnout}%`);
    lines.push(`${v('cash').name} $${snap.cash}  ${v('fame').name} ${snap.fame}`);
    lines.push(`Skills: ${Object.entries(snap.skills).map(([id, s]) => skillLine(id, s)).join('; ')}.`);
    const effects = activeEffects(ctx.player);
    if (effects.length > 0) {
      lines.push(`Effects: ${effects.map((e) => `${e.def.name} (${formatDuration(e.remaining)})`).join(', ')}.`);
    }
    const busy = currentActivity(ctx.player);
    if (busy) lines.push(`Busy ${busy.doing} until ${clockTime(busy.until)}.`);
    ctx.reply(lines.join('\n'), { sheet: snap, busy: busy ? { doing: busy.doing, until: busy.until } : null });
  },
};

export const skills = {
  name: 'skills',
  aliases: ['sk'],
  help: 'List your skills with their levels and the XP to the next level.',
  whileBusy: true,
  readOnly: true,
  run(ctx) {
    const snap = snapshot(ctx.player);
    const lines = Object.entries(snap.skills).map(([id, s]) => `  ${skillLine(id, s)}`);
    ctx.reply(`Your skills (levels 1–${SKILLS.maxLevel}):\n${lines.join('\n')}`, { skills: snap.skills });
  },
};
