// charts: the World Pulse (lib/charts.js). The payload is the `charts` event of docs/protocol.md.
import { chartsPayload, chartsText, pulse } from '../lib/charts.js';

export const charts = {
  name: 'charts',
  aliases: ['pulse'],
  whileBusy: true,
  readOnly: true,
  help: 'The World Pulse: today\'s and this week\'s top songs.',
  run(ctx) {
    const p = pulse();
    game.send(ctx.player, 'charts', chartsText(p), chartsPayload(p));
  },
};
