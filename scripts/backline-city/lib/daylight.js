// Day and night (data/calendar.json `dawn`, `dusk`), on its own so that lib/rooms.js can use it without
// importing the whole calendar (which imports modules that import rooms.js).
import { CALENDAR } from './living-data.js';

/** Whether an hour of the day (0-23) is night: from dusk until dawn. */
export function isNightHour(hour) {
  return hour < CALENDAR.dawn || hour >= CALENDAR.dusk;
}

/** Whether it is night at a game time (epoch ms; now by default). */
export function isNight(millis = game.now()) {
  return isNightHour(new Date(millis).getUTCHours());
}

/** A room's description at this time of day: its `night` property after dusk, if it has one. */
export function roomDescription(room, millis = game.now()) {
  const text = isNight(millis) && typeof room.props.night === 'string' ? room.props.night : room.props.description;
  return (text ?? '').trim();
}
