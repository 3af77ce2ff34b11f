// Script tests of the calendar, the `time` command and the `clock` event, day and night rooms, and the
// daily and weekly resets (exactly once per game day and week, also across a reload and re-login).
import { calendarAt } from '../lib/calendar.js';
import { START } from './places.js';

const HOUR = 3_600_000;

/** Advances to the next time the game clock reads `hour`:00. */
function advanceTo(w, hour) {
  const now = new Date(w.now());
  const minutes = ((hour - now.getUTCHours() + 24) % 24) * 60 - now.getUTCMinutes();
  w.advance(`${minutes <= 0 ? minutes + 1440 : minutes}m`);
}

function newDays(player) {
  return player.transcript().split('\n').filter((l) => l.startsWith('A new day dawns')).length;
}

export default (t) => {
  t.test('the calendar reads day, weekday, week, season and night from the game time', (w) => {
    // Thursday 1 January 2026 is the calendar's first day (data/calendar.json).
    w.expect(calendarAt(Date.parse('2026-01-01T08:30:00Z'))).toEqual({ day: 1, hour: 8, minute: 30, weekday: 'Thu', week: 1,
      season: 'winter', year: 2026, night: false, period: 'morning', date: '2026-01-01' });
    w.expect(calendarAt(Date.parse('2026-01-04T23:59:00Z'))).toMatchObject({ day: 4, weekday: 'Sun', week: 1, night: true });
    w.expect(calendarAt(Date.parse('2026-01-05T20:00:00Z'))).toMatchObject({ day: 5, weekday: 'Mon', week: 2, night: true, period: 'evening' });
    w.expect(calendarAt(Date.parse('2026-07-04T03:00:00Z'))).toMatchObject({ season: 'summer', night: true, weekday: 'Sat' });
    w.expect(calendarAt(Date.parse('2026-01-01T19:00:00Z')).night, 'dusk').toBe(true);
    w.expect(calendarAt(Date.parse('2026-01-01T06:00:00Z')).night, 'dawn').toBe(false);
  });

  t.test('time answers with the clock event, and the clock is sent at login and every game hour', (w) => {
    const ann = w.join('Ann');
    const atLogin = ann.last('clock');
    w.expect(atLogin).not.toBeNull();
    const cal = calendarAt(w.now());
    w.expect(atLogin.payload).toMatchObject({ day: cal.day, hour: cal.hour, weekday: cal.weekday, season: cal.season, night: cal.night });
    const answer = ann.send('time');
    w.expect(answer[0].type).toBe('clock');
    w.expect(answer[0].text).toMatch(/^It is (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:\d\d, day \d+ /);
    ann.clear();
    w.advance('3h');
    const hours = ann.events('clock').map((e) => e.payload.hour);
    w.expect(hours).toHaveLength(3);
    w.expect(hours[1]).toBe((hours[0] + 1) % 24);
  });

  t.test('rooms with a night text read differently after dusk', (w) => {
    const ann = w.join('Ann');
    advanceTo(w, 12);
    w.expect(ann.say('look')).toContain('Trains sigh into the terminal');
    advanceTo(w, 22);
    const night = ann.say('look');
    w.expect(night).toContain('The terminal\'s clock glows over an almost empty square');
    w.expect(night).not.toContain('Trains sigh into the terminal');
    w.expect(ann.last('room').payload.description).toContain('almost empty square');
  });

  t.test('the daily reset runs once per game day, the weekly one once per week', (w) => {
    const ann = w.join('Ann');
    advanceTo(w, 23);
    ann.clear();
    w.advance('2h');                              // over midnight
    w.expect(newDays(ann)).toBe(1);
    w.advance('20h');                             // the rest of the day: no second reset
    w.expect(newDays(ann)).toBe(1);
    w.advance('4h');                              // the next midnight
    w.expect(newDays(ann)).toBe(2);
    // Weeks start on Monday: from Sunday night into Monday comes exactly one "new week", and no other.
    const newWeeks = () => ann.transcript().split('\n').filter((l) => l.startsWith('A new week begins')).length;
    const before = newWeeks();
    while (calendarAt(w.now()).weekday !== 'Sun') w.advance('1d');
    w.expect(newWeeks()).toBe(before);
    advanceTo(w, 23);
    w.advance('2h');
    w.expect(calendarAt(w.now()).weekday).toBe('Mon');
    w.expect(newWeeks()).toBe(before + 1);
    w.advance('1d');
    w.expect(newWeeks()).toBe(before + 1);
  });

  t.test('a reload and logging in again in the same day do not run the reset again', (w) => {
    const ann = w.join('Ann');
    advanceTo(w, 23);
    w.advance('2h');
    const record = w.state('resets');            // what ran last, kept in the pack state store
    w.expect(record).toMatchObject({ day: calendarAt(w.now()).day, days: 2 });
    ann.leave();
    w.expect(w.reload().ok).toBe(true);          // a new generation: module caches are gone, the state is not
    const back = w.join('Ann');
    w.advance('5h');
    w.expect(newDays(back)).toBe(0);
    w.expect(w.state('resets')).toEqual(record);
    w.advance('20h');
    w.expect(newDays(back)).toBe(1);
    w.expect(w.state('resets').days).toBe(3);
  });

  t.test('a day that passed while nobody was online is caught up once, at the next login', (w) => {
    const ann = w.join('Ann');
    ann.leave();
    w.advance('2d');
    const bob = w.join('Bob');
    // Bob's login saw the reset already done by the hourly job: none is announced twice.
    w.expect(newDays(bob)).toBe(0);
    w.advance('1h');
    w.expect(newDays(bob)).toBe(0);
    w.expect(w.state('resets')).toMatchObject({ day: calendarAt(w.now()).day, days: 3 });
    w.expect(w.state('world')).toMatchObject({ day: calendarAt(w.now()).day, hour: calendarAt(w.now()).hour });
    w.expect(w.entity(START)).not.toBeNull();
  });
};
