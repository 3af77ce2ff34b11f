// Script tests of `look`: each test gets a fresh world (the real world data, every pack loaded) and
// scripted players. Run them with `./backline test-scripts backline-city`.
import { START } from './places.js';

export default (t) => {
  t.test('joining shows the welcome, then the start room, then the whole character', (w) => {
    const ann = w.join('Ann');
    // The living world's clock and quest list follow (lib/living-world.js).
    w.expect(ann.events().map((e) => e.type)).toEqual(['welcome', 'room', 'stat_update', 'clock', 'quests']);
    w.expect(ann.last('stat_update').payload).toMatchObject({ energy: 100, burnout: 0, skills: { guitar: { level: 1, xp: 0 } } });
    const room = ann.last('room');
    w.expect(room.text).toMatch(/^Station Plaza\n/);
    w.expect(room.payload).toMatchObject({ id: START, name: 'Station Plaza' });
  });

  t.test('look describes the room and its exits', (w) => {
    const ann = w.join('Ann');
    const text = ann.say('look');
    w.expect(text).toMatch(/^Station Plaza\nTrains sigh into the terminal/);
    w.expect(text).toContain('Exits: north, west.');
    w.expect(ann.say('l'), 'the short form').toBe(text);
  });

  t.test('look answers with one room event that clients can draw from', (w) => {
    const ann = w.join('Ann');
    const answer = ann.send('look');
    w.expect(answer).toHaveLength(1);
    w.expect(answer[0].type).toBe('room');
    w.expect(answer[0].payload.exits).toEqual([
      { dir: 'north', to: 'downtown:main-street', name: 'Main Street' },
      { dir: 'west', to: 'nightlife:neon-strip', name: w.entity('nightlife:neon-strip').props.name },
    ]);
    w.expect(answer[0].payload.players).toEqual([]);
  });

  t.test('look in a direction names the room there', (w) => {
    const ann = w.join('Ann');
    w.expect(ann.say('look north')).toBe('To the north you see Main Street.');
    w.expect(ann.say('l n')).toBe('To the north you see Main Street.');
    w.expect(ann.say('look up')).toBe('There is no way up.');
  });

  t.test('look shows and describes the others here', (w) => {
    const ann = w.join('Ann');
    w.join('Bob');
    w.expect(ann.say('look')).toContain('Here: Bob.');
    w.expect(ann.say('look bob')).toBe('Bob looks like a musician on the way up.');
    w.expect(ann.say('look B'), 'a prefix, any case').toBe('Bob looks like a musician on the way up.');
  });

  t.test('a crowded room names twenty of the others and counts the rest', (w) => {
    const ann = w.join('Ann');
    for (let i = 0; i < 25; i++) w.join(`Fan${String(i).padStart(2, '0')}`);
    const text = ann.say('look');
    w.expect(text).toContain('Here: Fan00, Fan01, ');
    w.expect(text).toContain('Fan19 and 5 others.');
    w.expect(text).not.toContain('Fan20');
    const room = ann.last('room').payload;
    w.expect(room.players.length).toBe(20);
    w.expect(room.playerCount).toBe(25);
  });

  t.test('a player who has left is not listed', (w) => {
    const ann = w.join('Ann');
    w.join('Bob').leave();
    w.expect(ann.say('look')).not.toContain('Here:');
    w.expect(ann.last('room').payload).toMatchObject({ players: [], playerCount: 0 });
  });

  t.test('look shows the things here and describes them', (w) => {
    w.spawn({ kind: 'item', container: START, props: { name: 'a forgotten hat', description: 'Felt, with one coin in it.' } });
    const ann = w.join('Ann');
    w.expect(ann.say('look')).toContain('You see a busted acoustic guitar and a forgotten hat.');
    w.expect(ann.say('look a forgotten hat')).toBe('Felt, with one coin in it.');
    const answer = ann.last('message');
    w.expect(answer.payload).toMatchObject({ kind: 'item', name: 'a forgotten hat' });
  });

  t.test('look at something that is not here', (w) => {
    const ann = w.join('Ann');
    w.expect(ann.say('look piano')).toBe("You don't see 'piano' here.");
  });
};
