// The career's day, run at every game midnight (`pack.every('1d')` in main.js): the NPC bands live the
// day that ended, then the World Pulse charts are recomputed for it and sent to everyone online, then the
// market moves. `pack.every` keeps to the calendar across restarts, so each day runs exactly once.
import { chartsPayload, chartsText, recompute } from './charts.js';
import { today } from './days.js';
import { marketDay } from './market.js';
import { npcDay } from './npc-bands.js';

export function onCareerDay() {
  const ended = today() - 1;
  const npc = npcDay(ended);
  const p = recompute(ended);
  const payload = chartsPayload(p);
  const text = chartsText(p);
  for (const player of game.online()) game.send(player.id, 'charts', text, payload);
  marketDay(today());
  return { npc, charts: p };
}
