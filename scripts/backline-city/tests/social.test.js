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

    t.test('follows players walking about after it first looked', (w) => {
      const ann = w.join('Ann');
      const bob = w.join('Bob');
      w.expect(ann.say('who')).toBe('2 players are online:\n  Ann (you) — Station Plaza\n  Bob — Station Plaza');
      bob.say('n');
      w.expect(ann.say('who')).toBe('2 players are online:\n  Ann (you) — Station Plaza\n  Bob — Main Street');
      bob.say('s');
      ann.say('n');
      w.expect(ann.say('who')).toBe('2 players are online:\n  Ann (you) — Main Street\n  Bob — Station Plaza');
      w.expect(ann.last('message').payload.players.map((p) => p.room)).toEqual([MAIN_STREET, 'downtown:station-plaza']);
    });

    t.test('shows the first forty by name and counts the rest', (w) => {
      const ann = w.join('Ann');
      for (let i = 0; i < 45; i++) w.join(`Pl${String(i).padStart(2, '0')}`);
      const lines = ann.say('who').split('\n');
      w.expect(lines[0]).toBe('46 players are online:');
      w.expect(lines[1]).toBe('  Ann (you) — Station Plaza');
      w.expect(lines[40]).toBe('  Pl38 — Station Plaza');
      w.expect(lines[41]).toBe('  …and 6 more. Type "who <name>" to find someone.');
      w.expect(lines.length).toBe(42);
      w.expect(ann.last('message').payload).toMatchObject({ count: 46, more: 6 });
      w.expect(ann.last('message').payload.players.length).toBe(40);
    });

    t.test('who <name> lists those whose name starts so, in any case', (w) => {
      const ann = w.join('Ann');
      for (let i = 0; i < 45; i++) w.join(`Pl${String(i).padStart(2, '0')}`);
      w.expect(ann.say('who pL4')).toBe([
        '5 players are online whose name starts with "pL4":',
        '  Pl40 — Station Plaza', '  Pl41 — Station Plaza', '  Pl42 — Station Plaza', '  Pl43 — Station Plaza',
        '  Pl44 — Station Plaza',
      ].join('\n'));
      w.expect(ann.say('who zed')).toBe('Nobody online has a name starting with "zed".');
    });

    t.test('follows players coming and going after it first looked', (w) => {
      const bob = w.join('Bob');
      const ann = w.join('Ann');
      w.expect(ann.say('who')).toMatch(/^2 players are online:/);
      w.join('Abe');
      bob.leave();
      w.expect(ann.say('who')).toBe('2 players are online:\n  Abe — Station Plaza\n  Ann (you) — Station Plaza');
      w.join('Bob');
      w.expect(ann.say('who').split('\n').map((l) => l.trim())).toEqual(
        ['3 players are online:', 'Abe — Station Plaza', 'Ann (you) — Station Plaza', 'Bob — Station Plaza']);
    });
  });
};
