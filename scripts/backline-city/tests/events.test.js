// Script tests of the random events (data/events.json). The chances are tested as numbers; each event is
// then seen to happen in a world whose seed makes it happen (and not in one whose seed does not): the
// engine's RNG is seeded, so the same seed and the same history give the same events.
import { EVENTS } from '../lib/data.js';
import { chanceOf, seasonAt } from '../lib/events.js';
import { START, joinAt, props, setVitals } from './places.js';

const event = (id) => EVENTS.events.find((e) => e.id === id);
/** The chance when exactly the conditions listed hold. */
const chanceWhen = (id, ...holding) => chanceOf(event(id), (c) => holding.some((h) => Object.entries(h).every(([k, v]) => JSON.stringify(c[k]) === JSON.stringify(v))));
const effects = (w, p) => Object.keys(props(w, p).effects ?? {});

export default (t) => {
  t.describe('chances', () => {
    t.test('injury: 2%, five times as likely when tired, twice when the session was long', (w) => {
      w.expect(chanceWhen('injury')).toBe(0.02);
      w.expect(Math.round(chanceWhen('injury', { stat: 'energy', below: 30 }) * 1000)).toBe(100);
      w.expect(Math.round(chanceWhen('injury', { stat: 'energy', below: 30 }, { hoursAtLeast: 5 }) * 1000)).toBe(200);
    });

    t.test('illness: by season and lifestyle', (w) => {
      w.expect(chanceWhen('illness')).toBe(0.002);
      w.expect(Math.round(chanceWhen('illness', { season: ['winter'] }) * 10000)).toBe(60);
      w.expect(Math.round(chanceWhen('illness', { season: ['winter'] }, { effect: 'hangover' }, { stat: 'health', below: 50 },
        { stat: 'energy', below: 20 }) * 10000)).toBe(720);
      w.expect([0, 31, 59, 120, 200, 300].map((day) => seasonAt(Date.UTC(2026, 0, 1) + day * 86400000)))
        .toEqual(['winter', 'winter', 'spring', 'spring', 'summer', 'autumn']);
    });

    t.test('burnout: impossible below 60%, then 10%, then 40% from 80%', (w) => {
      w.expect(chanceWhen('burnout')).toBe(0);
      w.expect(chanceWhen('burnout', { stat: 'burnout', atLeast: 60 })).toBe(0.1);
      w.expect(Math.round(chanceWhen('burnout', { stat: 'burnout', atLeast: 60 }, { stat: 'burnout', atLeast: 80 }) * 100)).toBe(40);
    });

    t.test('inspiration and busking tips', (w) => {
      w.expect(chanceWhen('inspiration')).toBe(0.08);
      w.expect(Math.round(chanceWhen('inspiration', { stat: 'mood', atLeast: 70 }, { effect: 'well-rested' }) * 100)).toBe(24);
      w.expect(chanceWhen('busking-tips')).toBe(0.5);
    });
  });

  t.describe('under a fixed seed', () => {
    const tiredLongSession = (w) => {
      const ann = joinAt(w, 'Ann');
      setVitals(w, ann, { energy: 70 });
      ann.say('practice drums 7');
      w.advance('7h');
      return ann;
    };

    t.test('injury: practising long and tired', (w) => {
      const ann = tiredLongSession(w);
      w.expect(effects(w, ann)).toEqual(['injured']);
      w.expect(ann.transcript()).toContain('Something twinges in your wrist: you pushed too hard while tired. You are injured.');
      w.expect(props(w, ann).vitals.health).toBe(90);
      w.expect(ann.say('stats')).toContain('Technique 8 (-2)');
    }, { seed: 16 });

    t.test('no injury with another seed', (w) => {
      const ann = tiredLongSession(w);
      w.expect(effects(w, ann)).toEqual([]);
    }, { seed: 13 });

    t.test('illness: run down in winter', (w) => {
      const ann = joinAt(w, 'Ann');
      setVitals(w, ann, { health: 40, energy: 10 });
      w.advance('1h');
      w.expect(effects(w, ann)).toEqual([]);
      setVitals(w, ann, { health: 40, energy: 10 });
      w.advance('1h');
      w.expect(effects(w, ann)).toEqual(['ill']);
      w.expect(ann.transcript()).toContain('You start to shiver and sneeze. You feel feverish: you are ill.');
    }, { seed: 7 });

    t.test('burnout: at 85% it comes within the hour', (w) => {
      const ann = joinAt(w, 'Ann');
      setVitals(w, ann, { burnout: 85 });
      w.advance('1h');
      w.expect(effects(w, ann)).toEqual(['burnt-out']);
      w.expect(ann.transcript()).toContain('You stare at the wall. You have nothing left to give. You are burnt out.');
    }, { seed: 7 });

    t.test('burnout never comes below 60%, whatever the seed', (w) => {
      const ann = joinAt(w, 'Ann');
      setVitals(w, ann, { burnout: 59 });
      w.advance('2d');
      w.expect(effects(w, ann)).not.toContain('burnt-out');
    });

    t.test('inspiration: after a good session', (w) => {
      const ann = joinAt(w, 'Ann');
      ann.say('practice guitar 2');
      w.advance('2h');
      w.expect(effects(w, ann)).toEqual(['inspired']);
      w.expect(ann.transcript()).toContain('Halfway through, a melody arrives out of nowhere. An idea lights you up: you feel inspired.');
      ann.say('practice guitar 2');
      w.advance('2h');
      w.expect(props(w, ann).skills.guitar.xp, '20 + 20 × 1.15; creativity does not count for guitar').toBe(43);
    }, { seed: 3 });

    t.test('busking tips: practising where busking is allowed', (w) => {
      const ann = joinAt(w, 'Ann', START);
      const bob = joinAt(w, 'Bob', START);
      ann.say('practice guitar 2');
      w.advance('2h');
      w.expect(props(w, ann).vitals.cash).toBe(61);
      w.expect(ann.transcript()).toContain('Passers-by drop $11 into your open case.');
      w.expect(bob.transcript()).toContain("Passers-by drop coins into Ann's open case.");
    }, { seed: 3 });

    t.test('no tips with another seed', (w) => {
      const ann = joinAt(w, 'Ann', START);
      joinAt(w, 'Bob', START);
      ann.say('practice guitar 2');
      w.advance('2h');
      w.expect(props(w, ann).vitals.cash).toBe(50);
    }, { seed: 1 });

    t.test('no tips in a room without busking, whatever the seed', (w) => {
      const ann = joinAt(w, 'Ann');
      ann.say('practice guitar 12');
      w.advance('12h');
      w.expect(props(w, ann).vitals.cash).toBe(50);
    }, { seed: 3 });
  });
};
