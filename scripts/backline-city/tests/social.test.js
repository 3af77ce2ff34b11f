// Script tests of `say` and `who`.
import { MAIN_STREET } from './places.js';

export default (t) => {
  t.describe('say', () => {
    t.test('you hear yourself and the room hears you', (w) => {
      const ann = w.join('Ann');
      const bob = w.join('Bob');
      w.expect(ann.say('say Shall we jam?')).toBe('You say, "Shall we jam?"');
      w.expect(bob.transcript()).toContain('Ann says, "Shall we jam?"');
      w.expect(bob.last('message').payload).toEqual({ channel: 'say', from: 'player:ann', name: 'Ann', text: 'Shall we jam?' });
    });

    t.test("' is short for say", (w) => {
      const ann = w.join('Ann');
      const bob = w.join('Bob');
      w.expect(ann.say("'Now!")).toBe('You say, "Now!"');
      w.expect(bob.last('message').text).toBe('Ann says, "Now!"');
    });

    t.test('only the room hears it', (w) => {
      const ann = w.join('Ann');
      const cy = w.join('Cy');
      cy.say('n');
      cy.clear();
      ann.say('say Anyone here?');
      w.expect(cy.transcript()).not.toContain('Anyone here?');
    });

    t.test('saying nothing, or too much', (w) => {
      const ann = w.join('Ann');
      w.expect(ann.say('say')).toBe('Say what?');
      w.expect(ann.say('say    ')).toBe('Say what?');
      w.expect(ann.say(`say ${'la'.repeat(251)}`)).toBe('That is too long to say in one breath (at most 500 characters).');
    });
  });

  t.describe('who', () => {
    t.test('lists you alone', (w) => {
      const ann = w.join('Ann');
      w.expect(ann.say('who')).toBe('1 player is online:\n  Ann (you) — Station Plaza');
    });

    t.test('lists everyone online by name, with where they are', (w) => {
      const cy = w.join('Cy');
      const ann = w.join('Ann');
      const bob = w.join('Bob');
      bob.say('n');
      w.expect(ann.say('who')).toBe([
        '3 players are online:',
        '  Ann (you) — Station Plaza',
        '  Bob — Main Street',
        '  Cy — Station Plaza',
      ].join('\n'));
      w.expect(ann.last('message').payload.players.map((p) => p.room))
        .toEqual(['downtown:station-plaza', MAIN_STREET, 'downtown:station-plaza']);
      cy.leave();
      w.expect(ann.say('who')).toMatch(/^2 players are online:/);
    });
  });
};
