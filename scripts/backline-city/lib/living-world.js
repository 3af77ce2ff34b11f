// The living world's clockwork: what happens every game hour, when a player logs in or walks into a
// room, and after every command. Registered in main.js; the rules themselves live in the modules imported
// here.
import { publishCalendar, sendClock, today } from './calendar.js';
import { runResets } from './resets.js';
import { drawChallenges, visit, challengeEvent } from './daily.js';
import { checkStates, giveAutoQuests, questEvent, sendQuests } from './quests.js';
import { applySchedules, checkNpcs, ensureNpcs, greet, npcTemplates, wander } from './npcs.js';
import { checkWorldRefs } from './living-data.js';
import { activeEvents, onEventsHour } from './world-events.js';
import { deliverMissed, inboxPayload, markSeen } from './inbox.js';
import { happened } from './triggers.js';
import { note } from './notes.js';
import { ensureCharacter } from './character.js';

let npcsReady = false; // module cache: a new generation checks the NPC entities once more

function ensureWorld() {
  if (!npcsReady) {
    ensureNpcs();
    applySchedules(today());
    npcsReady = true;
  }
}

function publish(cal) {
  publishCalendar(cal, { events: Object.keys(activeEvents()) });
}

const resetHooks = {
  onDay(cal, first) {
    const challenges = drawChallenges(cal.day);
    for (const p of game.online()) {
      if (!first) game.tell(p.id, `A new day dawns over the city: day ${cal.day}. Today's challenges are up: type "daily".`, { day: cal.day, challenges });
      visit(p.id, cal);
    }
  },
  onWeek(cal, first) {
    if (first) return;
    for (const p of game.online()) game.tell(p.id, `A new week begins (week ${cal.week}): the weekly milestones start over.`, { week: cal.week });
  },
};

/** Every game hour (pack.every '1h'): calendar, resets, world events, NPCs, and each online player's clock. */
export function onHour() {
  ensureWorld();
  const cal = today();
  runResets(resetHooks, cal);
  onEventsHour(cal);
  applySchedules(cal);
  wander();
  publish(cal);
  for (const p of game.online()) {
    sendClock(p.id, cal);
    checkStates(p.id);
  }
}

/** playerEnter: the clock, missed notices, the login streak, quests, and the inbox if anything is unread. */
export function onWorldEnter(event) {
  ensureWorld();
  const player = event.player;
  ensureCharacter(player);
  const cal = today();
  runResets(resetHooks, cal);
  publish(cal);
  sendClock(player, cal);
  deliverMissed(player);
  visit(player, cal);
  if (giveAutoQuests(player) === 0 && !checkStates(player)) sendQuests(player);
  const inbox = inboxPayload(player);
  if (inbox.unread > 0) note(player, 'inbox', `You have ${inbox.unread} unread notice${inbox.unread === 1 ? '' : 's'}: type "inbox".`, inbox);
}

/** playerLeave: what is announced from now on reaches the player through the inbox at the next login. */
export function onWorldLeave(event) {
  markSeen(event.player);
}

/** roomEnter: a player walking in meets the NPCs there and may fire quest steps and challenges. */
export function onWorldRoomEnter(event) {
  if (event.kind !== 'player' || !event.to || !game.isOnline(event.entity)) return;
  const room = game.entity(event.to);
  if (!room) return;
  greet(event.entity, room.id);
  const what = happened.enter(room, today().night);
  questEvent(event.entity, what);
  challengeEvent(event.entity, what);
}

/**
 * After every command (lib/commands.js): one that was not refused fires the quest steps and challenges it
 * matches ("band create", "gig book" …, whatever module wrote them).
 */
export function afterCommand(ctx, refused) {
  // States first: a step the player had already reached (level 2) is done before the command is matched.
  checkStates(ctx.player);
  if (!refused) {
    const what = happened.command([ctx.verb, ...ctx.argv].join(' '));
    questEvent(ctx.player, what);
    challengeEvent(ctx.player, what);
  }
}

/** For the pack's check(): the tables and NPC declarations name rooms, templates and NPCs that exist. */
export function checkLivingWorld() {
  const problems = [...checkNpcs(), ...checkWorldRefs(npcTemplates().map((n) => n.id))];
  if (problems.length > 0) throw new Error(problems.join('\n'));
}
