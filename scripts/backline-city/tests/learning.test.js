// Script tests of learning and practice: every row of the two tables of data/learning.json, the level
// gating, places and prices, busy time, sessions, and the consequences of burnout.
import { BAR, LIVE_ROOM, PRACTICE_ROOMS, SCHOOL, START, VENUE, joinAt, props, roomOf, setSkill, setVitals, statUpdates }
  from './places.js';
import { hoursRow, bandFor } from '../lib/learning.js';

const xpOf = (w, p, skill = 'guitar') => props(w, p).skills[skill];
const vitals = (w, p) => props(w, p).vitals;

export default (t) => {
  t.describe('practice hours table', () => {
    // hours, XP (10 per hour × hours modifier), burnout gain: one row of the table each.
    const rows = [[1, 5, 0, '0–1 hours: 0.5×, 0%'], [2, 20, 5, '2–4 hours: 1.0×, 5%'], [4, 40, 5, '2–4 hours, upper end'],
      [5, 60, 15, '5–6 hours: 1.2×, 15%'], [6, 72, 15, '5–6 hours, upper end'], [7, 105, 30, '7+ hours: 1.5×, 30%'],
      [12, 180, 30, '7+ hours, the longest session']];
    for (const [hours, xp, burnout, name] of rows) {
      t.test(`${name}: practice ${hours}h gives ${xp} XP and ${burnout}% burnout`, (w) => {
        const ann = joinAt(w, 'Ann');
        ann.say(`practice guitar ${hours}`);
        w.advance(`${hours}h`);
        w.expect(xpOf(w, ann).xp + (xpOf(w, ann).level - 1) * 100, 'XP').toBe(xp);
        w.expect(vitals(w, ann).burnout, 'burnout').toBe(burnout);
        w.expect(ann.transcript()).toContain(`You finish practising guitar after ${hours} hour${hours > 1 ? 's' : ''}: +${xp} XP`);
      });
    }

    t.test('the table itself, as the pack reads it', (w) => {
      w.expect([0.5, 1, 2, 3, 4, 5, 6, 7, 24].map((h) => [hoursRow(h).xp, hoursRow(h).burnout]))
        .toEqual([[0.5, 0], [0.5, 0], [1, 5], [1, 5], [1, 5], [1.2, 15], [1.2, 15], [1.5, 30], [1.5, 30]]);
    });
  });

  t.describe('learning methods by level', () => {
    // level, method, room, XP for 3 hours (10 × 3 × band rate), burnout (5% × risk factor), cash for 3 hours
    const rows = [
      [1, 'books', LIVE_ROOM, 30, 5, 0], [3, 'youtube', START, 30, 5, 0],
      [4, 'university', SCHOOL, 45, 7.5, 75], [5, 'apprenticeship', LIVE_ROOM, 45, 7.5, 0],
      [8, 'tutor', PRACTICE_ROOMS, 60, 10, 180], [9, 'masterclass', VENUE, 60, 10, 300],
    ];
    for (const [level, method, room, xp, burnout, cash] of rows) {
      t.test(`level ${level}: ${method} gives ${xp} XP and ${burnout}% burnout for 3 hours`, (w) => {
        const ann = joinAt(w, 'Ann', room);
        setSkill(w, ann, 'guitar', level);
        setVitals(w, ann, { cash: 500 });
        w.expect(ann.say(`learn guitar ${method} 3`)).toMatch(/^You start learning guitar from/);
        w.expect(vitals(w, ann).cash, 'cash paid up front').toBe(500 - cash);
        w.advance('3h');
        w.expect(xpOf(w, ann)).toEqual({ level, xp });
        w.expect(vitals(w, ann).burnout).toBe(burnout);
      });
    }

    t.test('level 7: bandmates need another player in the room', (w) => {
      const ann = joinAt(w, 'Ann');
      setSkill(w, ann, 'guitar', 7);
      w.expect(ann.say('learn guitar bandmates 3')).toBe('Learning from bandmates needs company: with at least one other player in the room.');
      joinAt(w, 'Bob');
      w.expect(ann.say('learn guitar jam 3')).toMatch(/^You start learning guitar from bandmates for 3 hours/);
      w.advance('3h');
      w.expect(xpOf(w, ann)).toEqual({ level: 7, xp: 45 });
      w.expect(vitals(w, ann).burnout).toBe(7.5);
    });

    t.test('the bands, as the pack reads them', (w) => {
      w.expect([1, 3, 4, 7, 8, 10].map((l) => [bandFor(l).rate, bandFor(l).risk]))
        .toEqual([[1, 'low'], [1, 'low'], [1.5, 'medium'], [1.5, 'medium'], [2, 'high'], [2, 'high']]);
    });
  });

  t.describe('level gating', () => {
    const refused = [[1, 'university', '4–7'], [3, 'tutor', '8–10'], [4, 'books', '1–3'], [7, 'masterclass', '8–10'],
      [8, 'youtube', '1–3'], [9, 'apprenticeship', '4–7']];
    for (const [level, method, band] of refused) {
      t.test(`level ${level} cannot learn from ${method}`, (w) => {
        const ann = joinAt(w, 'Ann', SCHOOL);
        setSkill(w, ann, 'guitar', level);
        setVitals(w, ann, { cash: 1000 });
        const answer = ann.say(`learn guitar ${method} 2`);
        w.expect(answer).toMatch(new RegExp(`(is|are) for levels ${band}; your guitar is level ${level}\\. At guitar level ${level} you can learn from `));
        w.expect(props(w, ann).busy ?? null, 'not busy').toBeNull();
        w.expect(vitals(w, ann).energy, 'no energy spent').toBe(100);
        w.expect(ann.last('message').payload).toMatchObject({ refused: 'level', level });
      });
    }

    t.test('a mastered skill has nothing left to learn', (w) => {
      const ann = joinAt(w, 'Ann');
      setSkill(w, ann, 'vocals', 10);
      w.expect(ann.say('practice vocals 2')).toBe('You have mastered vocals: there is nothing left to learn.');
      w.expect(ann.say('learn singing masterclass')).toBe('You have mastered vocals: there is nothing left to learn.');
    });
  });

  t.describe('places, prices and energy', () => {
    t.test('university only at the music school, tutors only in its practice rooms', (w) => {
      const ann = joinAt(w, 'Ann');
      setSkill(w, ann, 'bass', 4);
      w.expect(ann.say('learn bass uni 2')).toBe('You can only learn from university at the music school.');
      setSkill(w, ann, 'bass', 8);
      w.expect(ann.say('learn bass tutor 2')).toBe('You can only learn from a tutor in the practice rooms of the music school.');
      w.expect(ann.say('learn bass masterclass 2')).toBe('You can only learn from masterclasses at a venue.');
    });

    t.test('lessons cost cash, paid before they start', (w) => {
      const ann = joinAt(w, 'Ann', SCHOOL);
      setSkill(w, ann, 'drums', 4);
      w.expect(ann.say('learn drums university 3')).toBe('That costs $25 an hour: $75 for 3 hours. You have $50.');
      w.expect(ann.say('learn drums university 2')).toBe('You start learning drums from university for 2 hours, until 10:00 (energy -12, $50 paid).');
      w.expect(vitals(w, ann)).toMatchObject({ cash: 0, energy: 88 });
    });

    t.test('learning costs energy, and a tired player is refused', (w) => {
      const ann = joinAt(w, 'Ann');
      ann.say('practice guitar 2');
      w.expect(vitals(w, ann).energy).toBe(84);
      w.expect(statUpdates(ann)).toContain({ energy: 84 });
      w.advance('2h');
      setVitals(w, ann, { energy: 20 });
      w.expect(ann.say('practice guitar 3')).toBe('You are too tired: 3 hours of that take 24 energy and you have 20. Rest or sleep first.');
      w.expect(ann.say('learn guitar books 4')).toMatch(/^You start learning guitar from books for 4 hours/);
      w.expect(vitals(w, ann).energy).toBe(0);
    });

    t.test('bad input gets clear answers', (w) => {
      const ann = joinAt(w, 'Ann');
      w.expect(ann.say('practice')).toMatch(/^Practise what\? "practice <skill> <hours>"/);
      w.expect(ann.say('practice kazoo 2')).toBe("There is no skill 'kazoo'. Skills: guitar, bass, drums, vocals, songwriting, performance.");
      w.expect(ann.say('practice guitar 0')).toBe('Practise for how many hours? Give a whole number from 1 to 12, like "practice guitar 2".');
      w.expect(ann.say('practice guitar 13')).toMatch(/^Practise for how many hours\?/);
      w.expect(ann.say('practice guitar lots')).toMatch(/^Practise for how many hours\?/);
      w.expect(ann.say('learn guitar osmosis')).toMatch(/^There is no learning method 'osmosis'\. Methods: books, YouTube/);
      w.expect(ann.say('learn guitar')).toBe('At guitar level 1 you can learn from books and YouTube (levels 1–3, 1× XP, low burnout risk). Type "learn guitar <method> [hours]".');
      w.expect(props(w, ann).busy ?? null).toBeNull();
    });
  });

  t.describe('busy time', () => {
    t.test('a busy player is refused other commands, but may look, talk and check on themselves', (w) => {
      const ann = joinAt(w, 'Ann');
      ann.say('practice guitar 3');
      w.advance('1h');
      const refusal = 'You are busy practising guitar until 11:00 (another 2h). Type "stop" to stop early.';
      for (const command of ['up', 'go up', 'practice bass 1', 'learn guitar books', 'sleep', 'rest', 'eat', 'drink']) {
        w.expect(ann.say(command), command).toBe(refusal);
      }
      w.expect(ann.last('message').payload).toMatchObject({ refused: 'busy', doing: 'practising guitar' });
      w.expect(roomOf(w, ann)).toBe(LIVE_ROOM);
      w.expect(ann.say('look')).toMatch(/^The Live Room/);
      w.expect(ann.say('stats')).toContain('Busy practising guitar until 11:00.');
      w.expect(ann.say('say nearly there')).toBe('You say, "nearly there"');
      w.advance('2h');
      w.expect(ann.say('up')).toMatch(/^The Practice Pad/);
    });

    t.test('others see you start', (w) => {
      const ann = joinAt(w, 'Ann');
      const bob = joinAt(w, 'Bob');
      ann.say('practice drums 1');
      w.expect(bob.transcript()).toContain('Ann starts practising drums.');
    });

    t.test('stop ends it early: whole hours count, unused energy comes back', (w) => {
      const ann = joinAt(w, 'Ann');
      ann.say('practice guitar 5');
      w.expect(vitals(w, ann).energy).toBe(60);
      w.advance('150m');
      w.expect(ann.say('stop')).toBe('You stop practising guitar after 2 hours: +20 XP (guitar 1: 20/100 XP). Burnout +5% (now 5%).');
      w.expect(vitals(w, ann).energy).toBe(84);
      w.expect(ann.say('stop')).toBe('You are not busy with anything.');
      w.advance('3h');
      w.expect(xpOf(w, ann).xp, 'the old timer does nothing').toBe(20);
    });

    t.test('stopping within the first hour teaches nothing', (w) => {
      const ann = joinAt(w, 'Ann');
      ann.say('practice guitar 2');
      w.advance('30m');
      w.expect(ann.say('stop')).toBe('You stop practising guitar. It was not long enough to learn anything.');
      w.expect(vitals(w, ann).energy).toBe(100);
    });

    t.test('an overdue activity finishes when next looked at, as after a restart', (w) => {
      const ann = joinAt(w, 'Ann');
      // As the world would be after a restart that lost the timer: busy, with the end already past.
      w.setProp(ann.id, 'busy', { kind: 'learning', doing: 'practising guitar', hours: 2, start: w.now() - 3 * 3600000,
        until: w.now() - 3600000, done: 0, seq: 99, data: { skill: 'guitar', method: null, prior: 0, energyPerHour: 8 } });
      w.expect(ann.say('n')).toMatch(/You can't go north/);
      w.expect(xpOf(w, ann).xp).toBe(20);
      w.expect(ann.transcript()).toContain('You finish practising guitar after 2 hours: +20 XP');
    });
  });

  t.describe('sessions', () => {
    t.test('practice straight after practice continues the session', (w) => {
      const ann = joinAt(w, 'Ann');
      ann.say('practice guitar 1');
      w.advance('1h');
      w.expect(xpOf(w, ann).xp).toBe(5);
      ann.say('practice guitar 1');
      w.advance('1h');
      // The second hour is hour 2 of the session: 1.0×, and the session now costs 5% burnout.
      w.expect(xpOf(w, ann).xp).toBe(15);
      w.expect(vitals(w, ann).burnout).toBe(5);
    });

    t.test('a break longer than the session gap starts a new session', (w) => {
      const ann = joinAt(w, 'Ann');
      ann.say('practice guitar 4');
      w.advance('4h');
      w.advance('31m');
      ann.say('practice guitar 1');
      w.advance('1h');
      w.expect(xpOf(w, ann).xp).toBe(45);
      w.expect(vitals(w, ann).burnout).toBe(5);
    });

    t.test('resting ends the session', (w) => {
      const ann = joinAt(w, 'Ann');
      ann.say('practice guitar 4');
      w.advance('4h');
      ann.say('rest 1');
      w.advance('1h');
      ann.say('practice guitar 3');
      w.advance('3h');
      w.expect(vitals(w, ann).burnout, '5 - 2 + 5').toBe(8);
    });
  });

  t.describe('XP and levels', () => {
    t.test('XP fills the level table and levels go up', (w) => {
      const ann = joinAt(w, 'Ann');
      setSkill(w, ann, 'guitar', 1, 90);
      ann.say('practice guitar 3');
      w.advance('3h');
      w.expect(xpOf(w, ann)).toEqual({ level: 2, xp: 20 });
      w.expect(ann.transcript()).toContain('Your guitar is now level 2!');
      w.expect(ann.say('skills')).toContain('guitar 2, 20/150 XP');
    });

    t.test('XP and burnout reach the client in stat_update events with only what changed', (w) => {
      const ann = joinAt(w, 'Ann');
      ann.say('practice guitar 3');
      w.advance('3h');
      const updates = statUpdates(ann);
      w.expect(updates[0]).toEqual({ energy: 76 });
      w.expect(updates[1]).toMatchObject({ burnout: 5, skills: { guitar: { xp: 30 } } });
      w.expect(Object.keys(updates[1].skills)).toEqual(['guitar']);
    });

    t.test('technique above the baseline speeds up guitar', (w) => {
      const ann = joinAt(w, 'Ann');
      w.setProp(ann.id, 'stats', { ...props(w, ann).stats, technique: 15 });
      ann.say('practice guitar 2');
      w.advance('2h');
      w.expect(xpOf(w, ann).xp, '20 × (1 + 5 × 0.02)').toBe(22);
    });
  });

  t.describe('burnout', () => {
    t.test('above 50% XP drops to 0.8×, above 75% to half', (w) => {
      const ann = joinAt(w, 'Ann');
      setVitals(w, ann, { burnout: 55 });
      ann.say('practice guitar 3');
      w.advance('3h');
      w.expect(xpOf(w, ann).xp).toBe(24);
      w.expect(ann.transcript()).toContain('You are running on fumes');
      setVitals(w, ann, { burnout: 76 });
      w.advance('1h');
      ann.say('practice bass 3');
      w.advance('3h');
      w.expect(xpOf(w, ann, 'bass').xp).toBe(15);
    });

    t.test('sleep brings it down hour by hour, rest more slowly', (w) => {
      const ann = joinAt(w, 'Ann');
      setVitals(w, ann, { burnout: 40, energy: 50 });
      ann.say('sleep 8');
      w.advance('2h');
      w.expect(vitals(w, ann).burnout, 'after 2 hours').toBe(32);
      w.advance('6h');
      w.expect(vitals(w, ann).burnout, 'after 8 hours').toBe(8);
      ann.say('rest 3');
      w.advance('3h');
      w.expect(vitals(w, ann).burnout).toBe(2);
      w.expect(ann.transcript()).toContain('You feel rested after 3 hours. (burnout -6%, mood +3)');
    });

    t.test('burnout never goes below 0 or above 100', (w) => {
      const ann = joinAt(w, 'Ann');
      setVitals(w, ann, { burnout: 95 });
      ann.say('practice guitar 7');
      w.advance('7h');
      w.expect(vitals(w, ann).burnout).toBe(100);
      ann.say('sleep 12');
      w.advance('12h');
      w.expect(vitals(w, ann).burnout).toBe(52);
    });
  });
};
