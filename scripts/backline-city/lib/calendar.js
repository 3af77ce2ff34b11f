// The game calendar, worked out from the engine's game clock (`game.now()`) and data/calendar.json:
// day number, hour, minute, weekday, week, season, year, part of the day, and whether it is night.
// It is a pure function of the time, so the same moment always reads the same everywhere, also after a
// restart. `publishCalendar` keeps the pack state key `world` up to date: the server shows it as
// GET /api/world.
import { CALENDAR, WEEKDAYS } from './living-data.js';
import { seasonAt } from './events.js';
import { isNightHour } from './daylight.js';

const DAY = 86_400_000;
const FIRST_DAY = Date.parse(`${CALENDAR.firstDay}T00:00:00Z`);
// JavaScript counts weekdays from Sunday; the calendar names them from Monday.
const weekdayOf = (date) => WEEKDAYS[(date.getUTCDay() + 6) % 7];
const WEEK_OFFSET = (WEEKDAYS.indexOf(weekdayOf(new Date(FIRST_DAY))) - WEEKDAYS.indexOf(CALENDAR.weekStartsOn) + 7) % 7;

/** The calendar at a game time (epoch ms): {day, hour, minute, weekday, week, season, year, night, period, date}. */
export function calendarAt(millis) {
  const date = new Date(millis);
  const hour = date.getUTCHours();
  const dayIndex = Math.floor((millis - FIRST_DAY) / DAY);
  const period = [...CALENDAR.periods].reverse().find((p) => hour >= p.from).name;
  return {
    day: dayIndex + 1,
    hour,
    minute: date.getUTCMinutes(),
    weekday: weekdayOf(date),
    week: Math.floor((dayIndex + WEEK_OFFSET) / 7) + 1,
    season: seasonAt(millis),
    year: date.getUTCFullYear(),
    night: isNightHour(hour),
    period,
    date: date.toISOString().slice(0, 10),
  };
}

/** The calendar now. */
export function today() {
  return calendarAt(game.now());
}

/** "Thu 08:05, day 1 (winter 2026), morning". */
export function calendarText(cal) {
  const hh = String(cal.hour).padStart(2, '0');
  const mm = String(cal.minute).padStart(2, '0');
  return `It is ${cal.weekday} ${hh}:${mm}, day ${cal.day} of the city's calendar (${cal.season} ${cal.year}), `
    + `${cal.period}${cal.night ? ' (night)' : ''}.`;
}

/** The `clock` event's payload, as agreed with the clients. */
export function clockPayload(cal) {
  const { day, hour, minute, weekday, season, year, night } = cal;
  return { day, hour, minute, weekday, season, year, night, week: cal.week, period: cal.period };
}

export function sendClock(player, cal = today()) {
  game.send(player, 'clock', null, clockPayload(cal));
}

/**
 * Stores the calendar under the pack state key `world`, which GET /api/world shows, with what else the
 * world wants to make public (`extra`: the world events under way).
 */
export function publishCalendar(cal, extra = {}) {
  game.setState('world', { ...clockPayload(cal), date: cal.date, ...extra });
}
