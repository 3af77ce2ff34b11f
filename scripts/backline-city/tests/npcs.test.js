// Script tests of NPCs: schedules (the bartender opens the bar at dusk), wandering within a zone,
// greeting players who walk in, and dialogue trees with numbered choices.
import { START } from './places.js';
import { BAR, CLUB, SCHOOL, advanceTo, quest } from './world-helpers.js';

const where = (w, npc) => w.entity(`npc:${npc}`)?.container ?? null;

export default (t) => {
  t.test('the bartender opens the bar at dusk and closes it at three', (w) => {
    const ann = w.join('Ann');
    advanceTo(w, 12);
    w.expect(where(w, 'mira')).toBeNull();
    w.expect(w.entity(BAR).props.barOpen).toBe(false);
    w.move(ann.id, BAR);
    ann.clear();
    advanceTo(w, 19);
    w.expect(where(w, 'mira')).toBe(BAR);
    w.expect(w.entity(BAR).props.barOpen).toBe(true);
    w.expect(ann.transcript()).toContain('Mira unlocks the door, flips the sign to OPEN');
    w.expect(ann.say('look')).toContain('Mira the bartender');
    advanceTo(w, 3);
    w.expect(ann.transcript()).toContain('Mira calls last orders');
    w.expect(where(w, 'mira')).toBeNull();
    w.expect(w.entity(BAR).props.barOpen).toBe(false);
  });

  t.test('the tutor keeps school hours and the booking agent is tagged for gig booking', (w) => {
    w.join('Ann');
    advanceTo(w, 9);
    w.expect(where(w, 'halvorsen')).toBe(SCHOOL);
    w.expect(where(w, 'dex')).toBeNull();
    advanceTo(w, 21);
    w.expect(where(w, 'halvorsen')).toBeNull();
    w.expect(where(w, 'dex')).toBe(CLUB);
    w.expect(w.entity('npc:dex').tags).toContain('booking-agent');
  });

  t.test('the busker wanders, but only within downtown', (w) => {
    w.join('Ann');
    const seen = new Set();
    for (let i = 0; i < 24; i++) {
      w.advance('1h');
      seen.add(where(w, 'wren'));
    }
    w.expect(seen.size).toBeGreaterThan(1);
    for (const room of seen) w.expect(w.entity(room).props.zone, room).toBe('downtown');
  });

  t.test('NPCs greet a player who walks in, not again within the hour', (w) => {
    const ann = w.join('Ann');
    advanceTo(w, 12);
    w.move(ann.id, 'arts-quarter:canal-walk');
    ann.clear();
    w.move(ann.id, SCHOOL);
    w.expect(ann.transcript()).toContain('Professor Halvorsen looks up from his timetable.');
    w.move(ann.id, 'arts-quarter:canal-walk');
    ann.clear();
    w.move(ann.id, SCHOOL);
    w.expect(ann.transcript()).not.toContain('Professor Halvorsen looks up');
    w.advance('2h');
    w.move(ann.id, 'arts-quarter:canal-walk');
    ann.clear();
    w.move(ann.id, SCHOOL);
    w.expect(ann.transcript()).toContain('Professor Halvorsen looks up from his timetable.');
  });

  t.test('talk opens a dialogue with numbered choices; a number answers', (w) => {
    const ann = w.join('Ann');
    advanceTo(w, 12);
    w.move(ann.id, CLUB);
    const opened = ann.send('talk dex').find((e) => e.type === 'dialogue');
    w.expect(opened.payload.npc).toEqual({ id: 'npc:dex', name: 'Dex the booking agent' });
    w.expect(opened.payload.choices.map((c) => c.n)).toEqual([1, 2, 3]);
    w.expect(opened.text).toContain('  1. How does booking work?');
    const booking = ann.send('1').find((e) => e.type === 'dialogue');
    w.expect(booking.payload.text).toContain('gig book <venue> <day>');
    const ended = ann.send('choose 2').find((e) => e.type === 'dialogue');
    w.expect(ended.payload).toMatchObject({ text: '"Sure you do."', choices: [] });
    w.expect(ann.say('1')).toContain('You are not talking to anyone');
  });

  t.test('a choice can give a quest, and is not offered again once it has', (w) => {
    const ann = w.join('Ann');
    advanceTo(w, 12);
    w.move(ann.id, CLUB);
    ann.say('talk dex');
    ann.say('2');                                         // "What does it take to play here?" -> the quest
    w.expect(quest(ann, 'local-name')).toBeDefined();
    ann.say('talk dex');
    w.expect(ann.last('dialogue').payload.choices.map((c) => c.text)).not.toContain('What does it take to play here?');
  });

  t.test('night-only choices, bad numbers and NPCs who are not there', (w) => {
    const ann = w.join('Ann');
    advanceTo(w, 21);
    w.move(ann.id, CLUB);
    ann.say('talk dex');
    w.expect(ann.last('dialogue').payload.choices.map((c) => c.text)).toContain('Mira sent me.');
    w.expect(ann.say('9')).toContain('There is no choice 9');
    w.expect(ann.say('talk mira')).toBe('There is no "mira" here to talk to.');
    w.move(ann.id, START);
    w.expect(ann.say('1')).toContain('not here any more');
    w.expect(ann.say('talk')).toMatch(/Talk to whom|Wren/);
  });
};
