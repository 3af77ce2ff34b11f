// Triggers, shared by quest steps and daily challenges (data/quests.json, data/daily.json). A trigger is
// one of: {enter: room | {tag}, night?}, {command: "verb sub" | [...]}, {after: duration}, {stat, atLeast},
// {skill: id | [ids], level}, {item: template | {tag}}, {talk: npc}. Events (entering, commands, talking)
// are matched as they happen; states (stat, skill, item, and for quests being in the room already) are
// checked after commands, at login and every game hour.
import { statValue } from './character.js';
import { isNight } from './daylight.js';

/** What happened, as the matchers below read it. */
export const happened = {
  command: (words) => ({ kind: 'command', words: words.toLowerCase().trim().split(/\s+/).join(' ') }),
  enter: (room, night) => ({ kind: 'enter', room, night }),
  talk: (npc) => ({ kind: 'talk', npc }),
};

/** Whether an event (from `happened`) fires a trigger. */
export function fires(trigger, event) {
  if (event.kind === 'command' && trigger.command !== undefined) {
    return [].concat(trigger.command).some((c) => event.words === c || event.words.startsWith(`${c} `));
  }
  if (event.kind === 'enter' && trigger.enter !== undefined) {
    if (trigger.night !== undefined && trigger.night !== event.night) return false;
    return typeof trigger.enter === 'string' ? event.room.id === trigger.enter : event.room.tags.includes(trigger.enter.tag);
  }
  if (event.kind === 'talk' && trigger.talk !== undefined) return trigger.talk === event.npc;
  return false;
}

/** Whether a state trigger holds for the player now (`me` is the player's entity, read once). */
export function holds(trigger, me) {
  if (trigger.enter !== undefined) {
    const room = me.container ? game.entity(me.container) : null;
    return room !== null && fires(trigger, happened.enter(room, isNight()));
  }
  if (trigger.stat !== undefined) {
    const value = trigger.stat in me.props.vitals ? me.props.vitals[trigger.stat] : statValue(me, trigger.stat);
    return value >= trigger.atLeast;
  }
  if (trigger.skill !== undefined) {
    return [].concat(trigger.skill).some((s) => (me.props.skills[s]?.level ?? 0) >= trigger.level);
  }
  if (trigger.item !== undefined) {
    return game.contents(me.id, 'item').some((item) => (typeof trigger.item === 'string'
      ? item.template === trigger.item
      : [...item.tags, ...(item.template ? game.entity(item.template)?.tags ?? [] : [])].includes(trigger.item.tag)));
  }
  return false;
}

/** Whether a quest step's trigger is checked as a state: being somewhere counts like walking in. */
export function isState(trigger) {
  return trigger.stat !== undefined || trigger.skill !== undefined || trigger.item !== undefined || trigger.enter !== undefined;
}
