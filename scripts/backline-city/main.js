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
import { gm } from './commands/gm.js';
import { band, releaseCommand, songs, write } from './commands/bands.js';
import { gig } from './commands/gigs.js';
import { ledger } from './commands/ledger.js';
import { charts } from './commands/charts.js';
import { buy, sell, shop } from './commands/shop.js';
import { onCareerDay } from './lib/career-daily.js';
import { choose, daily, event, inbox, quests, talk, time } from './commands/world.js';
import { gameCommand } from './lib/commands.js';
import { ACTIVITY_TIMER, onActivityTimer } from './lib/activity.js';
import { EFFECTS_TIMER, onEffectsTimer } from './lib/effects.js';
import { HOURLY_TIMER, onHourlyTimer } from './lib/hourly.js';
import { onPlayerEnter, onPlayerLeave } from './lib/presence.js';
import { rosterEnter, rosterLeave, rosterRoomEnter } from './lib/roster.js';
import { checkLivingWorld, onHour, onWorldEnter, onWorldLeave, onWorldRoomEnter } from './lib/living-world.js';
import { QUEST_TIMER, onQuestTimer } from './lib/quests.js';
import { WORLD_EVENT_TIMER, onWorldEventTimer } from './lib/world-events.js';
import { NOTES_TIMER, onNotesTimer } from './lib/notes.js';

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
  add(gm); // game masters only (commands/gm.js)
  [band, write, songs, releaseCommand, gig, charts, shop, buy, sell, ledger].forEach(add);
  [time, quests, talk, choose, daily, inbox, event].forEach(add);

  pack.on('playerEnter', onPlayerEnter);
  pack.on('playerLeave', onPlayerLeave);
  pack.on('playerEnter', rosterEnter);
  pack.on('playerLeave', rosterLeave);
  // The living world (lib/living-world.js): after the character exists, on every move, every game hour.
  pack.on('playerEnter', onWorldEnter);
  pack.on('playerLeave', onWorldLeave);
  // One listener for both: every step anyone takes raises roomEnter, and a listener more is a crossing more.
  pack.on('roomEnter', (event) => {
    rosterRoomEnter(event);
    onWorldRoomEnter(event);
  });
  pack.every('1h', onHour);
  pack.timer(QUEST_TIMER, onQuestTimer);
  pack.timer(WORLD_EVENT_TIMER, onWorldEventTimer);
  pack.timer(NOTES_TIMER, onNotesTimer);
  pack.timer(ACTIVITY_TIMER, onActivityTimer);
  pack.timer(EFFECTS_TIMER, onEffectsTimer);
  pack.timer(HOURLY_TIMER, onHourlyTimer);
  pack.every('1d', onCareerDay);
}

// Before a reload is swapped in (the world is readable here): the data must name things that exist.
export function check() {
  checkLivingWorld();
}
