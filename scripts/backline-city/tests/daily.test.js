// Script tests of the daily loop: login streaks (a missed day starts over), the day's challenges (drawn
// with the seeded RNG, different each day), weekly milestones, the reward track, and the inbox.
import { props } from './places.js';
import { advanceTo, linesStarting } from './world-helpers.js';

const challengeIds = (player) => player.send('daily').find((e) => e.type === 'message').payload.challenges.map((c) => c.id);

export default (t) => {
  t.test('logging in on consecutive days grows the streak and its reward; a missed day starts over', (w) => {
    const ann = w.join('Ann');
    const start = props(w, ann).vitals.cash;
    w.advance('1m');
    w.expect(ann.transcript()).toContain('Day 1 of your login streak. Come back tomorrow for $10; a missed day starts over.');
    const cash = props(w, ann).vitals.cash;
    ann.leave();
    w.join('Ann').leave();                               // the same day again: nothing more
    w.expect(props(w, ann).vitals.cash).toBe(cash);
    w.expect(cash, 'day 1 only starts the streak').toBe(start);
    w.advance('1d');
    let back = w.join('Ann');
    w.advance('1m');
    w.expect(back.transcript()).toContain('Day 2 of your login streak: $10.');
    back.leave();
    w.advance('1d');
    back = w.join('Ann');
    w.advance('1m');
    w.expect(back.transcript()).toContain('Day 3 of your login streak: $15.');
    back.leave();
    w.advance('2d');                                     // a day missed
    back = w.join('Ann');
    w.advance('1m');
    w.expect(back.transcript()).toContain('Day 1 of your login streak. Come back tomorrow');
    w.expect(back.say('daily')).toContain('Login streak: 1 day (best 3).');
  });

  t.test('a player online over midnight keeps the streak going', (w) => {
    const ann = w.join('Ann');
    advanceTo(w, 23);
    ann.clear();
    w.advance('2h');
    w.expect(ann.transcript()).toContain('Day 2 of your login streak: $10.');
  });

  t.test('each day draws different challenges, the same for everyone', (w) => {
    const ann = w.join('Ann');
    const bob = w.join('Bob');
    const days = [challengeIds(ann)];
    w.expect(challengeIds(bob)).toEqual(days[0]);
    w.expect(days[0]).toHaveLength(3);
    for (let i = 0; i < 4; i++) {
      w.advance('1d');
      days.push(challengeIds(ann));
    }
    for (let i = 1; i < days.length; i++) {
      w.expect(days[i].filter((id) => days[i - 1].includes(id)), `day ${i} repeats day ${i - 1}`).toEqual([]);
    }
  });

  t.test('doing a challenge scores once; points reach weekly milestones and the reward track', (w) => {
    const ann = w.join('Ann');
    const done = [];
    // Play every day of a week and do whatever the day asks that is a plain command or a walk.
    for (let day = 0; day < 5; day++) {
      const today = ann.send('daily').find((e) => e.type === 'message').payload.challenges;
      for (const c of today) {
        if (c.id === 'practise') ann.say('practice guitar 1');
        if (c.id === 'busk-plaza') ann.say('say hello');
        if (c.id === 'charts') ann.say('charts');
        if (c.id === 'school-visit') w.move(ann.id, 'arts-quarter:music-school');
        if (c.id === 'open-mic') w.move(ann.id, 'nightlife:broken-string');
        if (c.id === 'chat') ann.say('talk');
      }
      w.advance('1m');
      done.push(...linesStarting(ann, 'Daily challenge done'), ...linesStarting(ann, 'Reward track'), ...linesStarting(ann, 'Weekly'));
      ann.clear();
      w.advance('1d');
    }
    w.expect(done.length).toBeGreaterThan(0);
    const view = ann.send('daily').find((e) => e.type === 'message').payload;
    w.expect(view.track.points).toBeGreaterThan(0);
    w.expect(view.track.tier).toBeGreaterThanOrEqual(1);             // 25 points for tier 1
    w.expect(done.join('\n')).toContain('Reward track tier 1 reached! Reward: $25.');
    // Milestones count this week's points only (the week began on Monday).
    w.expect(view.week.points).toBeLessThan(view.track.points);
    w.expect(view.week.reached).toBe([30, 80, 150].filter((p) => view.week.points >= p).length);
  });

  t.test('a challenge done twice the same day scores once', (w) => {
    const ann = w.join('Ann');
    let found = null;
    for (let i = 0; i < 10 && !found; i++) {
      if (challengeIds(ann).includes('busk-plaza')) found = true;
      else w.advance('1d');
    }
    w.expect(found).toBe(true);
    ann.clear();
    ann.say('say hello');
    ann.say('say hello again');
    w.advance('1m');
    w.expect(linesStarting(ann, 'Daily challenge done')).toHaveLength(1);
    w.expect(ann.send('daily').find((e) => e.type === 'message').payload.challenges.find((c) => c.id === 'busk-plaza').done).toBe(true);
  });

  t.test('the inbox collects notices; it is announced at login while unread, and inbox marks it read', (w) => {
    const ann = w.join('Ann');
    w.advance('1m');
    const first = ann.last('inbox');
    w.expect(first.payload.unread).toBeGreaterThan(0);                 // the streak notice
    const answer = ann.send('inbox').find((e) => e.type === 'inbox');
    w.expect(answer.payload.notices[0]).toMatchObject({ id: 1, read: false });
    w.expect(answer.text).toContain('login streak');
    ann.leave();
    const back = w.join('Ann');
    w.advance('1m');
    w.expect(back.events('inbox')).toHaveLength(0);                    // nothing unread: no announcement
    w.expect(back.send('inbox').find((e) => e.type === 'inbox').payload.unread).toBe(0);
  });
};
