// The reference game's table of contents: everything the pack adds to the engine is registered here.
import { look } from './commands/look.js';
import { go, directionCommands } from './commands/movement.js';
import { say, who } from './commands/social.js';
import { help } from './commands/help.js';
import { skills, stats } from './commands/character.js';
import { learn, practice, stop } from './commands/learning.js';
import { drink, eat, rest, sleep, work } from './commands/lifestyle.js';
import { effects } from './commands/effects.js';
import { drop, equip, get, give, inventory, remove, use } from './commands/items.js';
import { gameCommand } from './lib/commands.js';
import { ACTIVITY_TIMER, onActivityTimer } from './lib/activity.js';
import { EFFECTS_TIMER, onEffectsTimer } from './lib/effects.js';
import { HOURLY_TIMER, onHourlyTimer } from './lib/hourly.js';
import { onPlayerEnter, onPlayerLeave } from './lib/presence.js';

// Allowed while the player is busy learning, sleeping or working; everything else is refused then.
const WHILE_BUSY = [look, say, who, help];
// Commands that never change the character, so no stat_update needs working out after them.
const READ_ONLY = [look, go, ...directionCommands, say, who, help];

export function register(pack) {
  const add = (command) => pack.command(gameCommand({ ...command, whileBusy: command.whileBusy ?? WHILE_BUSY.includes(command),
    readOnly: command.readOnly ?? READ_ONLY.includes(command) }));
  [look, go, ...directionCommands, say, who, help].forEach(add);
  [stats, skills, effects].forEach(add);
  [learn, practice, stop].forEach(add);
  [sleep, rest, work, eat, drink].forEach(add);
  [get, drop, give, inventory, equip, remove, use].forEach(add);

  pack.on('playerEnter', onPlayerEnter);
  pack.on('playerLeave', onPlayerLeave);
  pack.timer(ACTIVITY_TIMER, onActivityTimer);
  pack.timer(EFFECTS_TIMER, onEffectsTimer);
  pack.timer(HOURLY_TIMER, onHourlyTimer);
}
