// Players arriving in and leaving the world.
import { showRoom } from './rooms.js';
import { ensureCharacter, forgetStats, syncStats } from './character.js';
import { resumeActivity } from './activity.js';
import { resumeEffects } from './effects.js';
import { startHourly } from './hourly.js';

export function onPlayerEnter(event) {
  if (event.room) {
    const verb = event.reason === 'reconnect' ? 'is back' : 'appears';
    game.toRoom(event.room, `${event.name} ${verb}.`, { except: event.player });
  }
  showRoom(event.player);
  ensureCharacter(event.player);
  // Timers do not outlive a restart: finish or wake again what was under way.
  resumeEffects(event.player);
  resumeActivity(event.player);
  startHourly(event.player);
  syncStats(event.player, { full: true });
}

export function onPlayerLeave(event) {
  forgetStats(event.player);
  if (event.room) {
    game.toRoom(event.room, `${event.name} leaves the game.`, { except: event.player });
  }
}
