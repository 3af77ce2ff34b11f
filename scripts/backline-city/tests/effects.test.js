// Script tests of effects (data/effects.json): each one's expiry with its message, ticks over time, the
// stacking rules, modifiers, and catching up after a restart.
import { LIVE_ROOM, BAR, joinAt, props, setVitals } from './places.js';

const HOUR = 3600000;

/**
 * Puts an effect on a player as a restart would leave it (in the world, but no timer), then logs the
 * player out and in again: logging in picks the effect up and wakes its timer.
 */
function giveEffect(w, player, id, { hours, magnitude = 1, tickHours = null }) {
  const now = w.now();
  w.setProp(player.id, 'effects', { ...(props(w, player).effects ?? {}),
    [id]: { magnitude, started: now, until: now + hours * HOUR, nextTick: tickHours ? now + tickHours * HOUR : null } });
  player.leave();
  const again = w.join(player.name);
  again.clear();
  return again;
}

export default (t) => {
  t.describe('each effect ends on time with its message', () => {
    const effects = [
      ['well-rested', 8, "The glow of a good night's sleep has worn off."],
      ['inspired', 3, 'The spark of inspiration fades.'],
      ['tipsy', 2, 'You sober up.'],
      ['hangover', 6, 'Your hangover has passed.'],
      ['injured', 48, 'Your injury has healed.'],
      ['ill', 24, 'You are over your illness.'],
      ['burnt-out', 24, 'You feel like yourself again: the burnout has lifted.'],
    ];
    for (const [id, hours, end] of effects) {
      t.test(`${id} lasts ${hours}h`, (w) => {
        let ann = joinAt(w, 'Ann');
        ann = giveEffect(w, ann, id, { hours });
        w.expect(ann.say('effects')).toContain(`  ${id} (`);
        w.advance(`${hours * 60 - 1}m`);
        w.expect(ann.transcript()).not.toContain(end);
        w.advance('1m');
        w.expect(ann.transcript()).toContain(end);
        w.expect(props(w, ann).effects[id], 'gone from the world').toBeUndefined();
        if (id !== 'tipsy') w.expect(ann.say('effects')).toBe('No effects are acting on you.');
      });
    }
  });

  t.describe('effects over time', () => {
    t.test('ill costs 2 health and 3 energy every 2 hours for a day', (w) => {
      let ann = joinAt(w, 'Ann');
      ann = giveEffect(w, ann, 'ill', { hours: 24, tickHours: 2 });
      w.advance('2h');
      w.expect(props(w, ann).vitals.health).toBe(98);
      w.expect(props(w, ann).vitals.energy, 'the tick takes 3, the idle hour gives 2 back').toBe(99);
      w.advance('22h');
      w.expect(props(w, ann).vitals).toMatchObject({ health: 76 });
      // Idle hours give 2 back (up to 100) and come just after each tick.
      w.expect(props(w, ann).vitals.energy).toBe(99);
    });

    t.test('a hangover of magnitude 2 drains twice as hard', (w) => {
      let ann = joinAt(w, 'Ann');
      setVitals(w, ann, { energy: 50 });
      ann = giveEffect(w, ann, 'hangover', { hours: 6, tickHours: 1, magnitude: 2 });
      ann.say('sleep 3');
      w.advance('3h');
      // Sleep gives 12 an hour, the hangover takes 4: three hours, +24 net.
      w.expect(props(w, ann).vitals.energy).toBe(74);
      w.expect(ann.say('effects')).toContain('hangover ×2 (debuff), 3h left: XP -40%, charisma -2, energy -4 every 1h');
    });

    t.test('injured takes health when it starts', (w) => {
      const ann = joinAt(w, 'Ann');
      setVitals(w, ann, { energy: 70 });
      ann.say('practice drums 7');
      w.advance('7h');
      // The seed of this world has no injury here; see events.test.js for the injury itself.
      w.expect(props(w, ann).vitals.health).toBe(100);
    });
  });

  t.describe('stacking rules', () => {
    t.test('refresh: sleeping well again restarts well-rested', (w) => {
      let ann = joinAt(w, 'Ann');
      ann = giveEffect(w, ann, 'well-rested', { hours: 4 });
      w.expect(ann.say('effects')).toContain('well-rested (buff), 4h left');
      ann = giveEffect(w, ann, 'well-rested', { hours: 10 });
      ann.say('sleep 7');
      w.advance('7h');
      w.expect(ann.transcript()).toContain('You wake up well rested. (well-rested, 8h left)');
      w.expect(ann.say('effects')).toContain('well-rested (buff), 8h left');
    });

    t.test('stack: tipsy adds up to five and no further', (w) => {
      const ann = joinAt(w, 'Ann', BAR);
      setVitals(w, ann, { cash: 100 });
      for (let i = 0; i < 7; i++) ann.say('drink');
      w.expect(props(w, ann).effects.tipsy.magnitude).toBe(5);
      w.expect(ann.last('stat_update').payload).toMatchObject({});
      w.expect(ann.say('stats')).toContain('Charisma 15 (+5)');
    });

    t.test('extend: a second injury adds its time, up to five days', (w) => {
      let ann = joinAt(w, 'Ann');
      ann = giveEffect(w, ann, 'injured', { hours: 47 });
      const until = props(w, ann).effects.injured.until;
      w.expect(until - w.now()).toBeLessThanOrEqual(47 * HOUR);
      w.expect(until - w.now()).toBeGreaterThan(46 * HOUR);
    });

    t.test('modifiers show in the sheet and the stat_update while they last', (w) => {
      let ann = joinAt(w, 'Ann');
      ann = giveEffect(w, ann, 'burnt-out', { hours: 24, tickHours: 4 });
      w.expect(ann.say('stats')).toContain('Creativity 8 (-2)');
      ann.say('practice songwriting 2');
      w.advance('2h');
      w.expect(props(w, ann).skills.songwriting.xp, '20 × 0.5 (burnt out) × (1 - 2 × 0.02) (creativity 8)').toBe(10);
      w.advance('22h');
      w.expect(ann.last('stat_update').payload).toMatchObject({ creativity: 10 });
    });
  });

  t.test('an effect that ended while the server was down ends at login, with its message', (w) => {
    let ann = joinAt(w, 'Ann');
    const now = w.now();
    w.setProp(ann.id, 'effects', { inspired: { magnitude: 1, started: now - 5 * HOUR, until: now - HOUR, nextTick: null } });
    ann.leave();
    ann = w.join('Ann');
    w.expect(ann.transcript()).toContain('The spark of inspiration fades.');
    w.expect(props(w, ann).effects).toEqual({});
  });
};
