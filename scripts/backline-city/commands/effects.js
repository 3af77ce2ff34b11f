// The effects command: what is acting on you now and for how long.
import { activeEffects } from '../lib/effects.js';
import { formatDuration } from '../lib/time.js';

function modifierText(m, magnitude) {
  const target = m.target === 'xp' ? 'XP' : m.target;
  if (m.percent !== undefined) return `${target} ${m.percent * magnitude > 0 ? '+' : ''}${m.percent * magnitude}%`;
  return `${target} ${m.flat * magnitude > 0 ? '+' : ''}${m.flat * magnitude}`;
}

export const effects = {
  name: 'effects',
  aliases: ['aff', 'affects'],
  help: 'List the effects on you (buffs, debuffs, illnesses) and how long they last.',
  whileBusy: true,
  readOnly: true,
  run(ctx) {
    const list = activeEffects(ctx.player);
    if (list.length === 0) {
      ctx.reply('No effects are acting on you.', { effects: [] });
      return;
    }
    const lines = list.map((e) => {
      const parts = (e.def.modifiers ?? []).map((m) => modifierText(m, e.magnitude));
      for (const [k, v] of Object.entries(e.def.perTick ?? {})) parts.push(`${k} ${v * e.magnitude > 0 ? '+' : ''}${v * e.magnitude} every ${e.def.tick}`);
      const stacks = e.magnitude > 1 ? ` ×${e.magnitude}` : '';
      return `  ${e.def.name}${stacks} (${e.def.type}), ${formatDuration(e.remaining)} left: ${parts.join(', ')}`;
    });
    ctx.reply(`Effects on you:\n${lines.join('\n')}`, {
      effects: list.map((e) => ({ id: e.id, name: e.def.name, type: e.def.type, magnitude: e.magnitude, until: e.until })),
    });
  },
};
