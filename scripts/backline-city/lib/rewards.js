// Rewards of quests, milestones and reward tracks: cash (booked in the ledger with a reason), XP and items.
import { ITEMS } from './data.js';
import { addXp, changeVitals } from './character.js';

/** Grants a reward ({cash, xp: {skill: n}, items: [template]}) and returns its parts as text ("$50", "a metronome"). */
export function grant(player, reward, reason) {
  const parts = [];
  if (reward?.cash) {
    // changeVitals books cash in the ledger (lib/ledger.js) under `reason`.
    const changed = changeVitals(player, { cash: reward.cash }, reason);
    if (changed.cash) parts.push(`$${changed.cash}`);
  }
  for (const [skill, xp] of Object.entries(reward?.xp ?? {})) {
    addXp(player, skill, xp);
    parts.push(`${xp} ${skill} XP`);
  }
  for (const template of reward?.items ?? []) {
    const here = game.entity(player);
    // A full player finds the item at their feet rather than losing it.
    const full = game.contents(player, 'item').length >= ITEMS.carryLimit;
    game.spawn({ kind: 'item', template, container: full && here.container ? here.container : player });
    parts.push(game.entity(template)?.props.name ?? template);
  }
  return parts;
}
