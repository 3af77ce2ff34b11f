// The tick-capacity benchmark's pack: every NPC of the world lives by the needs model of needs.js, run once
// per tick over all of them through one column set (game.columns), the way a game would run its crowds.
import settings from './bench.json' with { type: 'json' };
import { step } from './needs.js';

export function register(pack) {
  pack.columns('crowd', {
    kind: 'npc',
    props: { energy: 80, hunger: 20, mood: 50, x: 0, y: 0, heading: 0, activity: 0 },
  });
  pack.on('tick', () => {
    const c = game.columns('crowd');
    // One engine random number per tick seeds the model's own generator: replayable, and no host call per NPC.
    step(c.energy, c.hunger, c.mood, c.x, c.y, c.heading, c.activity, c.count, settings.dtHours,
         Math.floor(Math.random() * 0x7fffffff) + 1);
  });
}
