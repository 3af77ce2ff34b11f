// Script tests of lifestyle: sleep, rest, work, eat and drink (numbers in data/lifestyle.json).
import { BAR, LIVE_ROOM, MARKET, MUSIC_SHOP, joinAt, props, setVitals, statUpdates } from './places.js';

const vitals = (w, p) => props(w, p).vitals;

export default (t) => {
  t.test('sleep restores energy and health hour by hour, and 7+ hours leave you well rested', (w) => {
    const ann = joinAt(w, 'Ann');
    setVitals(w, ann, { energy: 10, health: 90 });
    w.expect(ann.say('sleep')).toBe('You lie down and fall asleep for 8 hours, until 16:00.');
    w.advance('1h');
    w.expect(vitals(w, ann)).toMatchObject({ energy: 22, health: 91 });
    w.expect(ann.say('look')).toMatch(/^The Live Room/);
    w.expect(ann.say('n')).toMatch(/^You are busy sleeping until 16:00/);
    w.advance('7h');
    w.expect(vitals(w, ann)).toMatchObject({ energy: 100, health: 98 });
    w.expect(ann.transcript()).toContain('You wake up after 8 hours of sleep. (energy +90, health +8)');
    w.expect(ann.transcript()).toContain('You wake up well rested.');
    w.expect(props(w, ann).effects['well-rested']).toBeDefined();
  });

  t.test('a short sleep does not leave you well rested', (w) => {
    const ann = joinAt(w, 'Ann');
    ann.say('sleep 6');
    w.advance('6h');
    w.expect(ann.say('effects')).toBe('No effects are acting on you.');
  });

  t.test('others see you fall asleep', (w) => {
    const ann = joinAt(w, 'Ann');
    const bob = joinAt(w, 'Bob');
    ann.say('sleep 2');
    w.expect(bob.transcript()).toContain('Ann lies down and falls asleep.');
  });

  t.test('rest gives energy and mood back', (w) => {
    const ann = joinAt(w, 'Ann');
    setVitals(w, ann, { energy: 50, mood: 50 });
    ann.say('rest 2');
    w.advance('2h');
    w.expect(vitals(w, ann)).toMatchObject({ energy: 60, mood: 52 });
  });

  t.test('work earns cash in a shop, and the stress shows', (w) => {
    const ann = joinAt(w, 'Ann');
    w.expect(ann.say('work')).toBe('You can only work in a shop.');
    w.move(ann.id, MUSIC_SHOP);
    w.expect(ann.say('work 4')).toBe('You start a shift for 4 hours, until 12:00.');
    w.advance('4h');
    w.expect(vitals(w, ann)).toMatchObject({ cash: 98, energy: 76, mood: 66, burnout: 8 });
    w.expect(ann.transcript()).toContain('Your shift is over after 4 hours. (cash +$48, energy -24, mood -4, burnout +8%)');
    setVitals(w, ann, { energy: 20 });
    w.expect(ann.say('work 4')).toBe('You are too tired to work for 4 hours: it takes 24 energy and you have 20.');
  });

  t.test('eat where food is sold', (w) => {
    const ann = joinAt(w, 'Ann');
    w.expect(ann.say('eat')).toBe('You can only eat where food is sold. (To eat something you carry, type "use <item>".)');
    w.move(ann.id, MARKET);
    setVitals(w, ann, { energy: 50, health: 90, mood: 60 });
    w.expect(ann.say('eat')).toBe('You eat a hot meal ($8). energy +15, health +2, mood +3');
    w.expect(vitals(w, ann)).toMatchObject({ cash: 42, energy: 65, health: 92, mood: 63 });
    w.expect(statUpdates(ann).at(-1)).toEqual({ cash: 42, energy: 65, health: 92, mood: 63 });
    setVitals(w, ann, { cash: 5 });
    w.expect(ann.say('eat')).toBe('That costs $8 and you have $5.');
  });

  t.test('drinks lift the mood; three make you tipsy ×3, and the hangover follows', (w) => {
    const ann = joinAt(w, 'Ann', BAR);
    w.expect(ann.say('drink')).toBe('You knock back a drink ($5). mood +6, energy -2\nA warm buzz settles over you.');
    ann.say('drink');
    w.expect(ann.say('drink')).toContain('A warm buzz settles over you. (tipsy ×3, 2h left)');
    w.expect(props(w, ann).stats.charisma).toBe(10);
    w.expect(ann.last('stat_update').payload).toMatchObject({ charisma: 13, technique: 7 });
    w.advance('2h');
    w.expect(ann.transcript()).toContain('You sober up.\nYour head pounds: you have a hangover.');
    w.expect(ann.say('effects')).toMatch(/^Effects on you:\n  hangover \(debuff\), 6h left: XP -20%, charisma -1, energy -2 every 1h$/);
  });

  t.test('sleeping off the drinks wakes you with the hangover', (w) => {
    const ann = joinAt(w, 'Ann', BAR);
    ['drink', 'drink', 'drink'].forEach((c) => ann.say(c));
    ann.say('sleep 1');
    w.advance('1h');
    w.expect(ann.transcript()).toContain('You wake up after 1 hour of sleep.');
    w.expect(Object.keys(props(w, ann).effects)).toEqual(['hangover']);
  });

  t.test('bad hours', (w) => {
    const ann = joinAt(w, 'Ann', LIVE_ROOM);
    w.expect(ann.say('sleep 13')).toBe('For how many hours? Give a whole number from 1 to 12, like "sleep 8".');
    w.expect(ann.say('rest forever')).toBe('For how many hours? Give a whole number from 1 to 8, like "rest 1".');
  });
};
