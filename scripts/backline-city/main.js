// The reference game's table of contents: everything the pack adds to the engine is registered here.
import { look } from './commands/look.js';
import { go, directionCommands } from './commands/movement.js';
import { say, who } from './commands/social.js';
import { help } from './commands/help.js';
import { onPlayerEnter, onPlayerLeave } from './lib/presence.js';

export function register(pack) {
  pack.command(look);
  pack.command(go);
  directionCommands.forEach((command) => pack.command(command));
  pack.command(say);
  pack.command(who);
  pack.command(help);

  pack.on('playerEnter', onPlayerEnter);
  pack.on('playerLeave', onPlayerLeave);
}
