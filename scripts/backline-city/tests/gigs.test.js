// Script tests of gigs (lib/gigs.js, commands/gigs.js, data/gigs.json): booking at an agent, the venue's
// fame and fee, performing on the night, and the bounds of the outcome.
import { BAR, LIVE_ROOM, VENUE, joinAt, props, setSkill } from './places.js';
import { GIGS } from '../lib/career-data.js';
import { gigOutcome } from '../lib/gigs.js';

function agentAt(w, room) {
  w.spawn({ kind: 'npc', container: room, tags: ['npc', GIGS.booking.agentTag], props: { name: 'Test Booker' } });
}

function duo(w) {
  const ann = joinAt(w, 'Ann', BAR);
  const bob = joinAt(w, 'Bob', BAR);
  ann.say('band create Owls');
  ann.say('band invite Bob');
  bob.say('band join');
  return [ann, bob];
}

export default (t) => {
  t.test('booking: only at a booking agent, for a venue the band is famous enough for, paying the fee', (w) => {
    const [ann] = duo(w);
    w.move(ann.id, LIVE_ROOM);
    w.expect(ann.say('gig book broken tomorrow')).toMatch(/booking agent/);
    agentAt(w, BAR);
    w.move(ann.id, BAR);
    w.expect(ann.say('gig book basement tomorrow')).toMatch(/fame 25 or more; Owls has 0/);
    w.expect(ann.say('gig book nowhere tomorrow')).toMatch(/no venue called "nowhere"/);
    w.expect(ann.say('gig book broken someday')).toMatch(/not a day within/);
    const cash = props(w, ann).vitals.cash;
    w.expect(ann.say('gig book broken tomorrow')).toMatch(/Booked: The Broken String/);
    w.expect(props(w, ann).vitals.cash).toBe(cash - GIGS.venues[BAR].fee);
    const band = w.entity('band:owls');
    w.expect(band.props.gigs).toHaveLength(1);
    w.expect(band.props.ledger.entries.map((e) => e.reason)).toContain('booking fee');
    w.expect(ann.say('gig book broken tomorrow')).toMatch(/already plays on/);
    const cy = joinAt(w, 'Cy', BAR);
    cy.say('band create Larks');
    w.expect(cy.say('gig book broken tomorrow')).toMatch(/is booked on .* by Owls/);
    w.expect(w.entity('band:larks').props.gigs).toHaveLength(0);
    w.expect(ann.say('gig')).toMatch(/Booked: The Broken String on/);
  });

  t.test('perform: at the venue, on the night, reported to every member and the room', (w) => {
    const [ann, bob] = duo(w);
    const fan = joinAt(w, 'Fan', BAR);
    const cy = joinAt(w, 'Cy', BAR);
    ann.say('band invite Cy');
    cy.say('band join');
    cy.leave();
    agentAt(w, BAR);
    setSkill(w, ann, 'guitar', 5);
    setSkill(w, bob, 'drums', 4);
    ann.say('write song Opener');
    ann.say('gig book broken tomorrow');
    w.expect(ann.say('gig perform')).toMatch(/plays The Broken String on/);
    w.advance('1d');
    w.expect(ann.say('gig perform')).toMatch(/The gig is from 19:00/);
    w.advance('12h');
    w.move(ann.id, VENUE);
    w.expect(ann.say('gig perform')).toMatch(/no gig booked here today|plays The Broken String/);
    w.move(ann.id, BAR);
    const before = w.state('ledger');
    ann.say('gig perform');
    const result = ann.last('gig_result');
    w.expect(result).toBeTruthy();
    const r = result.payload;
    w.expect(r).toMatchObject({ venue: BAR, capacity: GIGS.venues[BAR].capacity, performers: ['Ann', 'Bob'], setlist: ['Opener'] });
    w.expect(r.attendance).toBeLessThanOrEqual(r.capacity);
    w.expect(r.score).toBeGreaterThanOrEqual(0);
    w.expect(r.score).toBeLessThanOrEqual(100);
    w.expect(r.pay).toBe(Math.round(r.attendance * GIGS.venues[BAR].ticket * GIGS.outcome.doorShare));
    w.expect(bob.last('gig_result').payload).toEqual(r);
    w.expect(fan.transcript()).toMatch(/Owls play a set: \d+ people in the room/);
    w.expect((w.entity(cy.id).props.inbox ?? []).map((n) => n.text), 'the member away hears of it').toContain(result.text);
    w.expect(props(w, ann).skills.performance.xp).toBeGreaterThan(0);
    w.expect(props(w, bob).skills.drums.xp).toBeGreaterThan(0);
    w.expect(w.entity('band:owls').props.fame).toBe(r.fame);
    w.expect(w.entity('band:owls').props.gigs).toHaveLength(0);
    w.expect(ann.say('gig perform')).toMatch(/no gig booked here today/);
    const after = w.state('ledger');
    w.expect(after.sources['gig pay'] ?? 0).toBe((before.sources['gig pay'] ?? 0) + r.pay);
    for (const id of [ann.id, bob.id, 'band:owls']) {
      const e = w.entity(id);
      const bal = e.kind === 'player' ? e.props.vitals.cash : e.props.cash;
      w.expect(Math.round((e.props.ledger.in - e.props.ledger.out) * 100) / 100, `books of ${id}`).toBe(bal);
    }
  });

  t.test('outcome bounds: whatever the inputs, the numbers stay within the venue and 0..100', (w) => {
    const venue = GIGS.venues[VENUE];
    let weak = 0;
    let strong = 0;
    for (let i = 0; i < 400; i += 1) {
      const lvl = i % 2 === 0 ? 1 : 10;
      const performers = Array.from({ length: 1 + (i % 5) }, () => ({ skill: lvl, performance: lvl, mood: (i * 37) % 101, energy: (i % 11) / 10 }));
      const songs = Array.from({ length: i % 7 }, (_, k) => (k * 29 + i) % 101);
      const r = gigOutcome({ performers, songs, venue, fame: (i * 13) % 300, maxLevel: 10 });
      w.expect(r.score).toBeGreaterThanOrEqual(0);
      w.expect(r.score).toBeLessThanOrEqual(100);
      w.expect(r.attendance).toBeGreaterThanOrEqual(0);
      w.expect(r.attendance).toBeLessThanOrEqual(venue.capacity);
      w.expect(r.pay).toBeGreaterThanOrEqual(0);
      w.expect(r.merch).toBeGreaterThanOrEqual(0);
      w.expect(r.fame).toBeGreaterThanOrEqual(0);
      if (lvl === 1) weak += r.score; else strong += r.score;
    }
    w.expect(strong / 200 - weak / 200, 'skilled bands play better').toBeGreaterThan(20);
  });
};
