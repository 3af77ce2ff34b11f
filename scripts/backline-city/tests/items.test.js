// Script tests of items: get, drop, give, inventory, equip, remove, use, with their bad inputs, the
// modifiers equipment gives, wear, and what the room sees.
import { BAR, LIVE_ROOM, START, joinAt, props, setVitals, statUpdates } from './places.js';

const ACOUSTIC = 'downtown:station-plaza/busted-acoustic';
const TELE_ROOM = 'nightlife:backstage';
const TELE = `${TELE_ROOM}/battered-telecaster`;

export default (t) => {
  t.describe('get and drop', () => {
    t.test('pick up the guitar by the plaza; the room sees it; it becomes yours', (w) => {
      const ann = joinAt(w, 'Ann', START);
      const bob = joinAt(w, 'Bob', START);
      w.expect(ann.say('get guitar')).toBe('You pick up a busted acoustic guitar.');
      w.expect(bob.transcript()).toContain('Ann picks up a busted acoustic guitar.');
      w.expect(w.entity(ACOUSTIC)).toMatchObject({ container: ann.id, template: 'instruments:busted-acoustic', props: { owner: ann.id } });
      w.expect(ann.say('look')).not.toContain('busted acoustic');
    });

    t.test('names, keywords and word beginnings all work', (w) => {
      const ann = joinAt(w, 'Ann', LIVE_ROOM);
      w.expect(ann.say('get a pair of hickory drumsticks')).toBe('You pick up a pair of hickory drumsticks.');
      w.expect(ann.say('take amp')).toBe('You pick up a ten-watt practice amp.');
      w.expect(ann.say('pick up gui str')).toBe('You pick up a set of guitar strings.');
    });

    t.test('get all, then drop: it stays yours on the floor', (w) => {
      const ann = joinAt(w, 'Ann', LIVE_ROOM);
      const bob = joinAt(w, 'Bob', LIVE_ROOM);
      w.expect(ann.say('get all')).toBe('You pick up a pair of hickory drumsticks, a ten-watt practice amp and a set of guitar strings.');
      w.expect(ann.say('get all')).toBe('There is nothing here to pick up.');
      w.expect(ann.say('drop sticks')).toBe('You drop a pair of hickory drumsticks.');
      w.expect(bob.transcript()).toContain('Ann drops a pair of hickory drumsticks.');
      w.expect(bob.say('get sticks')).toBe('A pair of hickory drumsticks belongs to Ann: you leave it where it is.');
      w.expect(bob.last('message').payload).toMatchObject({ refused: 'not_yours' });
      w.expect(ann.say('get sticks')).toBe('You pick up a pair of hickory drumsticks.');
    });

    t.test('bad input: unknown items, nothing named, things you already have', (w) => {
      const ann = joinAt(w, 'Ann', START);
      w.expect(ann.say('get')).toBe('Get what?');
      w.expect(ann.say('get piano')).toBe("You don't see 'piano' here.");
      ann.say('get guitar');
      w.expect(ann.say('get guitar')).toBe('You already have a busted acoustic guitar.');
      w.expect(ann.say('drop')).toBe('Drop what?');
      w.expect(ann.say('drop piano')).toBe("You don't have 'piano'.");
      w.expect(ann.last('message').payload).toMatchObject({ refused: 'unknown_item' });
    });

    t.test('a unique item cannot be held twice, and there is a limit to what you carry', (w) => {
      const ann = joinAt(w, 'Ann', TELE_ROOM);
      ann.say('get telecaster');
      w.spawn({ kind: 'item', template: 'instruments:battered-telecaster', container: TELE_ROOM });
      w.expect(ann.say('get telecaster')).toMatch(/^You already have one of those/);
      for (let i = 0; i < 19; i++) w.spawn({ kind: 'item', template: 'consumables:sandwich', container: ann.id });
      w.spawn({ kind: 'item', template: 'consumables:sandwich', container: TELE_ROOM });
      w.expect(ann.say('get sandwich')).toBe('You cannot carry more than 20 things.');
    });
  });

  t.describe('give', () => {
    t.test('give to a player here: it becomes theirs, and everyone is told', (w) => {
      const ann = joinAt(w, 'Ann', START);
      const bob = joinAt(w, 'Bob', START);
      const cy = joinAt(w, 'Cy', START);
      ann.say('get guitar');
      w.expect(ann.say('give guitar to bob')).toBe('You give a busted acoustic guitar to Bob.');
      w.expect(bob.transcript()).toContain('Ann gives you a busted acoustic guitar.');
      w.expect(cy.transcript()).toContain('Ann gives a busted acoustic guitar to Bob.');
      w.expect(w.entity(ACOUSTIC)).toMatchObject({ container: bob.id, props: { owner: bob.id } });
    });

    t.test('bad input: no such item, not yours, wrong target', (w) => {
      const ann = joinAt(w, 'Ann', START);
      const bob = joinAt(w, 'Bob', START);
      w.expect(ann.say('give guitar')).toBe('Give what to whom? "give <item> <player>", e.g. "give sandwich Bob".');
      w.expect(ann.say('give piano bob')).toBe("You don't have 'piano'.");
      w.expect(ann.say('give guitar bob'), 'on the floor, not carried').toBe("You don't have a busted acoustic guitar: pick it up first.");
      w.expect(ann.last('message').payload).toMatchObject({ refused: 'not_carried' });
      bob.say('get guitar');
      w.expect(ann.say('give guitar bob'), 'Bob holds it').toBe("You don't have 'guitar'.");
      bob.say('drop guitar');
      w.expect(ann.say('get guitar')).toBe('A busted acoustic guitar belongs to Bob: you leave it where it is.');
      bob.say('get guitar');
      w.expect(bob.say('give guitar zed')).toBe("There is no 'zed' here to give it to.");
      w.expect(bob.say('give guitar bob')).toBe('You already have a busted acoustic guitar.');
      w.expect(bob.last('message').payload).toMatchObject({ refused: 'wrong_target' });
      w.spawn({ kind: 'npc', container: START, props: { name: 'Pigeon' } });
      w.expect(bob.say('give guitar pigeon')).toBe('You can only give things to players, and Pigeon is not one.');
      const cy = joinAt(w, 'Cy', LIVE_ROOM);
      w.expect(bob.say('give guitar cy'), 'not in the room').toBe("There is no 'cy' here to give it to.");
      w.expect(w.entity(ACOUSTIC).container).toBe(bob.id);
      w.expect(cy.transcript()).toBe('');
    });

    t.test('a unique item cannot be given to someone who has one', (w) => {
      const ann = joinAt(w, 'Ann', TELE_ROOM);
      const bob = joinAt(w, 'Bob', TELE_ROOM);
      ann.say('get tele');
      w.spawn({ kind: 'item', template: 'instruments:battered-telecaster', container: bob.id });
      w.expect(ann.say('give tele bob')).toBe('Bob already has one of those.');
    });
  });

  t.describe('equip and remove', () => {
    t.test('equipping changes the skill and sends a stat_update; the room sees it', (w) => {
      const ann = joinAt(w, 'Ann', TELE_ROOM);
      const bob = joinAt(w, 'Bob', TELE_ROOM);
      ann.say('get tele');
      ann.clear();
      w.expect(ann.say('equip tele')).toBe('You strap on a battered Telecaster (guitar +2, performance +1).');
      w.expect(bob.transcript()).toContain('Ann straps on a battered Telecaster.');
      w.expect(statUpdates(ann)).toEqual([{ skills: { guitar: { effective: 3 }, performance: { effective: 2 } } }]);
      w.expect(ann.say('stats')).toContain('guitar 1 (+2), 0/100 XP');
      w.expect(ann.say('inventory')).toBe('You are carrying:\n  a battered Telecaster (in your hands, condition 100%, one of a kind)\nYou can carry 19 more.');
      ann.clear();
      w.expect(ann.say('remove tele')).toBe('You put away a battered Telecaster.');
      w.expect(statUpdates(ann)).toEqual([{ skills: { guitar: { effective: 1 }, performance: { effective: 1 } } }]);
      w.expect(bob.transcript()).toContain('Ann puts away a battered Telecaster.');
    });

    t.test('a second item for the same slot takes the place of the first', (w) => {
      const ann = joinAt(w, 'Ann', TELE_ROOM);
      w.spawn({ kind: 'item', template: 'instruments:busted-acoustic', container: ann.id });
      ann.say('get tele');
      ann.say('equip acoustic');
      w.expect(ann.say('equip tele')).toBe('You put away a busted acoustic guitar. You strap on a battered Telecaster (guitar +2, performance +1).');
      w.expect(ann.say('wear jacket')).toBe("You don't have a worn leather jacket: pick it up first.");
      ann.say('get jacket');
      w.expect(ann.say('wear jacket')).toBe('You put on a worn leather jacket (charisma +2).');
      w.expect(ann.say('stats')).toContain('Charisma 12 (+2)');
    });

    t.test('bad input: already equipped, not equippable, not equipped, not carried', (w) => {
      const ann = joinAt(w, 'Ann', TELE_ROOM);
      w.expect(ann.say('equip')).toBe('Equip what?');
      w.expect(ann.say('equip tele')).toBe("You don't have a battered Telecaster: pick it up first.");
      ann.say('get all');
      ann.say('equip tele');
      w.expect(ann.say('equip tele')).toBe('You already have a battered Telecaster equipped.');
      w.expect(ann.last('message').payload).toMatchObject({ refused: 'already_equipped' });
      w.expect(ann.say('equip painkillers')).toBe('You can\'t equip a strip of painkillers. Try "use painkillers".');
      w.expect(ann.say('remove jacket')).toBe("You don't have a worn leather jacket equipped.");
      w.expect(ann.say('remove kazoo')).toBe("You don't have 'kazoo'.");
    });

    t.test('dropping or giving away equipment takes it off first', (w) => {
      const ann = joinAt(w, 'Ann', TELE_ROOM);
      ann.say('get jacket');
      ann.say('wear jacket');
      w.expect(ann.say('drop jacket')).toBe('You take off and drop a worn leather jacket.');
      w.expect(w.entity(`${TELE_ROOM}/leather-jacket`).props.equipped ?? null).toBeNull();
      w.expect(ann.last('stat_update').payload).toEqual({ charisma: 10 });
    });

    t.test('practising wears an instrument down; in poor shape it helps half as much, broken not at all', (w) => {
      const ann = joinAt(w, 'Ann', START);
      ann.say('get guitar');
      ann.say('equip guitar');
      w.move(ann.id, LIVE_ROOM);
      w.setProp(ACOUSTIC, 'condition', 31);
      ann.say('practice guitar 4');
      w.advance('4h');
      w.expect(w.entity(ACOUSTIC).props.condition).toBe(29);
      w.expect(ann.transcript()).toContain('Your busted acoustic guitar is in poor shape and helps only half as much.');
      w.expect(ann.say('skills')).toContain('guitar 1 (+0.5)');
      w.setProp(ACOUSTIC, 'condition', 0.5);
      ann.say('practice guitar 1');
      w.advance('1h');
      w.expect(ann.transcript()).toContain('Your busted acoustic guitar is broken: it no longer helps until it is mended.');
      w.expect(ann.say('inventory')).toContain('a busted acoustic guitar (in your hands, broken)');
      ann.say('get strings');
      w.expect(ann.say('use strings')).toBe('You restring your guitar and tune it up. A busted acoustic guitar is now in good shape (40%).');
      w.expect(ann.say('use strings')).toBe("You don't have 'strings'.");
    });
  });

  t.describe('use', () => {
    t.test('an energy drink gives energy and is gone', (w) => {
      const ann = joinAt(w, 'Ann', 'arts-quarter:rehearsal-studio');
      const bob = joinAt(w, 'Bob', 'arts-quarter:rehearsal-studio');
      setVitals(w, ann, { energy: 50 });
      w.expect(ann.say('get all')).toBe('You pick up a can of energy drink and a can of energy drink.');
      w.expect(ann.say('use can')).toBe('You crack the can open and drain it. Your heart speeds up. (energy +20, mood +2)');
      w.expect(props(w, ann).vitals.energy).toBe(70);
      w.expect(ann.last('stat_update').payload).toEqual({ energy: 70, mood: 72 });
      w.expect(bob.transcript()).toContain('Ann uses a can of energy drink.');
      w.expect(ann.say('inventory')).toBe('You are carrying:\n  a can of energy drink\nYou can carry 19 more.');
    });

    t.test('painkillers cure a hangover, twice', (w) => {
      const ann = joinAt(w, 'Ann', BAR);
      ['drink', 'drink', 'drink'].forEach((c) => ann.say(c));
      w.advance('2h');
      setVitals(w, ann, { health: 90 });
      w.spawn({ kind: 'item', template: 'consumables:painkillers', container: ann.id });
      w.expect(ann.say('inventory')).toContain('a strip of painkillers (2 uses left)');
      w.expect(ann.say('use pills')).toBe('You swallow a tablet with a grimace. (health +2)\nYour hangover has passed.');
      w.expect(ann.say('inventory')).toContain('a strip of painkillers\n');
      ann.say('use pills');
      w.expect(ann.say('inventory')).toBe('You are carrying nothing.');
    });

    t.test('bad input: not usable, nothing to repair, not carried', (w) => {
      const ann = joinAt(w, 'Ann', LIVE_ROOM);
      w.expect(ann.say('use amp')).toBe("You don't have a ten-watt practice amp: pick it up first.");
      ann.say('get all');
      w.expect(ann.say('use sticks')).toBe('To use a pair of hickory drumsticks, equip it ("equip sticks") and practise drums.');
      w.expect(ann.say('use strings')).toBe('You have nothing that needs a set of guitar strings.');
      w.expect(ann.say('use')).toBe('Use what?');
    });
  });

  t.test('look at an item shows its description, condition and what it does', (w) => {
    const ann = joinAt(w, 'Ann', START);
    w.expect(ann.say('look acoustic')).toMatch(/^A steel-string acoustic with a cracked top[^]*just about\. \(condition 45%; guitar \+1\)$/);
    w.move(ann.id, TELE_ROOM);
    w.expect(ann.say('look tele')).toMatch(/Somebody loved this guitar\. \(condition 100%; one of a kind; guitar \+2, performance \+1\)$/);
  });
};
