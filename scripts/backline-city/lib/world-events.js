// World events announced to every connected player (data/broadcasts.json): scheduled by the calendar, or
// started and stopped by live-ops (the staff command `event`, or the pack timer `worldEvent`). An event
// sets room properties while it lasts (the storm closes the outdoor stage). What is under way is kept in
// the pack state (`worldEvents`), so an event ends on time also after a restart.
import { BROADCASTS } from './living-data.js';
import { worldNotice } from './inbox.js';
import { ms } from './time.js';
import { roll } from './world-dice.js';

const ACTIVE = 'worldEvents';
export const WORLD_EVENT_TIMER = 'worldEvent';

export function activeEvents() {
  return game.state(ACTIVE) ?? {};
}

/** Sends a `broadcast` to every player online: {id, text, kind}. */
export function broadcast(id, text, kind) {
  for (const p of game.online()) game.send(p.id, 'broadcast', text, { id, text, kind });
  worldNotice(text);
}

function setRooms(event, on) {
  for (const [room, props] of Object.entries(event.set ?? {})) {
    for (const [k, v] of Object.entries(props)) game.setProp(room, k, on ? v : null);
  }
}

/** Starts an event ('scheduled' or 'live'); returns false if it is unknown or under way already. */
export function startEvent(id, kind, duration) {
  const event = BROADCASTS.events[id];
  if (!event || activeEvents()[id]) return false;
  const length = ms(duration ?? event.duration);
  if (!(length > 0)) return false;
  game.setState(ACTIVE, { ...activeEvents(), [id]: { kind, since: game.now(), until: game.now() + length } });
  setRooms(event, true);
  broadcast(id, event.text, kind);
  return true;
}

/** Ends an event under way; returns false if it was not. */
export function stopEvent(id) {
  const running = activeEvents()[id];
  if (!running) return false;
  const { [id]: _ended, ...rest } = activeEvents();
  game.setState(ACTIVE, rest);
  const event = BROADCASTS.events[id];
  if (event) {
    setRooms(event, false);
    broadcast(id, event.endText, running.kind);
  }
  return true;
}

/** Each game hour: events whose time is up end; scheduled events due at this hour start (rolling their chance). */
export function onEventsHour(cal) {
  for (const [id, running] of Object.entries(activeEvents())) {
    if (running.until <= game.now()) stopEvent(id);
  }
  for (const s of BROADCASTS.schedule) {
    if (s.hour !== cal.hour) continue;
    if (s.weekdays && !s.weekdays.includes(cal.weekday)) continue;
    if (s.seasons && !s.seasons.includes(cal.season)) continue;
    if (s.chance !== undefined && roll(`event:${s.event}:${cal.day}:${cal.hour}`) >= s.chance) continue;
    startEvent(s.event, 'scheduled');
  }
}

/** The live-ops entry point: the pack timer `worldEvent` with {event, action: "start" | "stop", duration?}. */
export function onWorldEventTimer(data) {
  if (data?.action === 'stop') stopEvent(data.event);
  else startEvent(data?.event, 'live', data?.duration);
}
