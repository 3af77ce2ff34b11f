// Script tests of walking around: directions, their shortcuts, `go`, and what others see.
import { direction, DIRECTIONS } from '../lib/rooms.js';
import { MAIN_STREET, START, roomOf } from './places.js';

export default (t) => {
  t.test('walking north leads to Main Street', (w) => {
    const ann = w.join('Ann');
    w.expect(ann.say('north')).toMatch(/^Main Street\n/);
    w.expect(roomOf(w, ann)).toBe(MAIN_STREET);
  });

  t.test('shortcuts and go walk the same way', (w) => {
    const ann = w.join('Ann');
    w.expect(ann.say('n')).toMatch(/^Main Street/);
    w.expect(ann.say('s')).toMatch(/^Station Plaza/);
    w.expect(ann.say('go north')).toMatch(/^Main Street/);
    w.expect(ann.say('go S')).toMatch(/^Station Plaza/);
    w.expect(roomOf(w, ann)).toBe(START);
  });

  t.test('in and out of a shop', (w) => {
    const ann = w.join('Ann');
    ann.say('n');
    w.expect(ann.say('in')).toMatch(/^Second Verse Music\n/);
    w.expect(ann.say('out')).toMatch(/^Main Street\n/);
  });

  t.test('a walk to the live room and back', (w) => {
    const ann = w.join('Ann');
    const rooms = ['n', 'e', 'in', 'd'].map((step) => ann.say(step).split('\n')[0]);
    w.expect(rooms).toEqual(['Main Street', 'Gallery Row', 'The Practice Pad', 'The Live Room']);
    w.expect(['u', 'out', 'w', 's'].map((step) => ann.say(step).split('\n')[0]))
      .toEqual(['The Practice Pad', 'Gallery Row', 'Main Street', 'Station Plaza']);
  });

  t.test('the others see you leave and arrive', (w) => {
    const ann = w.join('Ann');
    const bob = w.join('Bob');
    ann.say('n');
    w.expect(bob.transcript()).toContain('Ann leaves north.');
    ann.clear();
    bob.say('n');
    w.expect(ann.transcript()).toContain('Bob arrives from the south.');
    w.expect(bob.say('look')).toContain('Here: Ann.');
  });

  t.test('bad directions get clear answers and go nowhere', (w) => {
    const ann = w.join('Ann');
    w.expect(ann.say('go')).toBe('Go where? Try "go north", or look for the exits.');
    w.expect(ann.say('go sideways')).toBe(`'sideways' is not a direction. Directions: ${DIRECTIONS.join(', ')}.`);
    w.expect(ann.say('up')).toBe("You can't go up from here.");
    w.expect(ann.say('go in')).toBe("You can't go in from here.");
    w.expect(roomOf(w, ann)).toBe(START);
  });

  t.test('a player who leaves comes back where they were, even days later', (w) => {
    const ann = w.join('Ann');
    ann.say('n');
    ann.leave();
    w.expect(roomOf(w, ann)).toBeNull();
    w.advance('3d');
    const again = w.join('Ann');
    w.expect(again.last('room').text).toMatch(/^Main Street/);
  });

  t.describe('direction()', () => {
    // Pure functions of the pack can be tested directly by importing them.
    t.test('understands names and shortcuts in any case', (w) => {
      w.expect(direction('N')).toBe('north');
      w.expect(direction('southwest')).toBe('southwest');
      w.expect(direction('sw')).toBe('southwest');
      w.expect(direction('U')).toBe('up');
    });

    t.test('refuses what is not a direction', (w) => {
      w.expect(direction('sideways')).toBeNull();
      w.expect(direction('')).toBeNull();
      w.expect(direction(undefined)).toBeNull();
    });
  });
};
