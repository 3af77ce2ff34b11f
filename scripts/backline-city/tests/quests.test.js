// Script tests of quests: the starter quest end to end, and a step fired by each kind of trigger
// (entering a room, a command, a timer, a stat, a skill, an item, talking to an NPC).
import { props, setSkill, setVitals } from './places.js';
import { BAR, CLUB, SCHOOL, advanceTo, carriedTemplates, linesStarting, quest } from './world-helpers.js';

export default (t) => {
  t.test('a new player gets the starter quest and sees it with quests', (w) => {
    const ann = w.join('Ann');
    w.expect(ann.transcript()).not.toContain('New quest');     // the living world's notes come a minute later
    w.advance('1m');
    w.expect(ann.transcript()).toContain('New quest: First Steps.');
    w.expect(quest(ann, 'first-steps')).toMatchObject({ step: 1, steps: 7, done: false });
    const answer = ann.send('quests');
    w.expect(answer[0].type).toBe('quests');
    w.expect(answer[0].text).toContain('First Steps (step 1 of 7): Learn an instrument');
    // A second login does not give it again.
    ann.leave();
    const back = w.join('Ann');
    w.advance('1m');
    w.expect(back.transcript()).not.toContain('New quest');
  });

  t.test('the starter quest: level 2, a band, a booked gig, the gig, skills, stats and charts', (w) => {
    const ann = w.join('Ann');
    setSkill(w, ann, 'guitar', 2);                       // skill trigger: checked after the next command
    ann.say('look');
    w.expect(quest(ann, 'first-steps').step).toBe(2);
    ann.say('band create The Testers');                  // command triggers, whoever wrote the command
    w.expect(quest(ann, 'first-steps').step).toBe(3);
    advanceTo(w, 11);                                    // Dex books from ten in the morning
    w.move(ann.id, CLUB);
    w.expect(ann.say('gig book broken string today')).toContain('Booked');
    w.expect(quest(ann, 'first-steps').step).toBe(4);
    advanceTo(w, 20);
    w.move(ann.id, BAR);
    ann.say('gig perform');
    w.expect(ann.last('gig_result')).not.toBeNull();
    w.expect(quest(ann, 'first-steps').step).toBe(5);
    ann.say('skills');
    ann.say('stats');
    const cash = props(w, ann).vitals.cash;
    ann.say('charts');
    w.expect(quest(ann, 'first-steps')).toMatchObject({ done: true, step: 7, steps: 7 });
    w.advance('1m');
    w.expect(ann.transcript()).toMatch(/Quest complete: First Steps! Reward: \$150, 60 performance XP, an? [a-z ]+\./);
    w.expect(props(w, ann).vitals.cash).toBe(cash + 150);
    w.expect(carriedTemplates(w, ann)).toContain('consumables:energy-drink');
    w.expect(ann.say('inbox')).toContain('Quest complete: First Steps!');
  });

  t.test('a refused command fires no step', (w) => {
    const ann = w.join('Ann');
    setSkill(w, ann, 'guitar', 2);
    ann.say('band create The Testers');
    w.expect(quest(ann, 'first-steps').step).toBe(3);
    w.expect(ann.say('gig book broken string today')).toContain('booking agent');   // not at an agent: refused
    w.expect(quest(ann, 'first-steps').step).toBe(3);
  });

  t.test('enter, command and timer triggers: Mira\'s Night Owl', (w) => {
    const ann = w.join('Ann');
    advanceTo(w, 20);
    w.move(ann.id, BAR);
    ann.say('talk mira');
    const offer = ann.last('dialogue').payload.choices.find((c) => c.text.startsWith('Got anything'));
    ann.say(String(offer.n));
    // Being in the bar after dusk already counts as walking in.
    w.expect(quest(ann, 'night-owl')).toMatchObject({ step: 2, done: false });
    ann.say('drink');
    w.expect(quest(ann, 'night-owl').step).toBe(3);
    w.advance('1h');
    w.expect(quest(ann, 'night-owl').done).toBe(false);
    w.advance('1h');
    w.expect(quest(ann, 'night-owl').done).toBe(true);
    w.expect(carriedTemplates(w, ann)).toContain('consumables:sandwich');
  });

  t.test('an enter trigger fires on walking in, and only at night when it says so', (w) => {
    const ann = w.join('Ann');
    advanceTo(w, 20);
    w.move(ann.id, BAR);
    ann.say('talk mira');
    ann.say(String(ann.last('dialogue').payload.choices.find((c) => c.text.startsWith('Got anything')).n));
    ann.say('drink');
    w.advance('2h');
    // Dex's quest: visit a venue (by tag), then reach 10 fame.
    advanceTo(w, 12);
    w.move(ann.id, CLUB);
    ann.say('talk dex');
    const choices = ann.last('dialogue').payload.choices;
    w.expect(choices.map((c) => c.text)).not.toContain('Mira sent me.');    // a night-only choice, by day
    ann.say(String(choices.find((c) => c.text.startsWith('What does it take')).n));
    w.expect(quest(ann, 'local-name').step).toBe(2);                       // already in a venue
    setVitals(w, ann, { fame: 9 });
    ann.say('look');
    w.expect(quest(ann, 'local-name').step).toBe(2);
    setVitals(w, ann, { fame: 10 });                                        // stat trigger
    ann.say('look');
    w.expect(quest(ann, 'local-name').done).toBe(true);
    w.expect(carriedTemplates(w, ann)).toContain('gear:in-ear-monitors');
  });

  t.test('item, talk and stat triggers: the professor\'s homework', (w) => {
    const ann = w.join('Ann');
    w.move(ann.id, SCHOOL);
    ann.say('talk professor');
    ann.say(String(ann.last('dialogue').payload.choices.find((c) => c.text === 'I want homework.').n));
    w.expect(quest(ann, 'homework').step).toBe(1);
    w.spawn({ kind: 'item', template: 'gear:metronome', container: ann.id });
    ann.say('inventory');
    w.expect(quest(ann, 'homework').step).toBe(2);
    ann.say('talk halvorsen');
    w.expect(quest(ann, 'homework').step).toBe(3);
    setVitals(w, ann, { mood: 79 });
    ann.say('look');
    w.expect(quest(ann, 'homework').step).toBe(3);
    setVitals(w, ann, { mood: 80 });
    ann.say('look');
    w.expect(quest(ann, 'homework').done).toBe(true);
    w.advance('1m');
    w.expect(linesStarting(ann, 'Quest complete: Professor Halvorsen\'s Homework!')).toHaveLength(1);
  });
};
