// Script tests of bands and songs (lib/bands.js, lib/songs.js, data/bands.json).
import { LIVE_ROOM, joinAt, props, setSkill, setVitals } from './places.js';
import { BANDS } from '../lib/career-data.js';

const bandOf = (w, p) => props(w, p).band ?? null;

export default (t) => {
  t.describe('membership', () => {
    t.test('create, invite, join, and the band event', (w) => {
      const ann = joinAt(w, 'Ann');
      const bob = joinAt(w, 'Bob');
      w.expect(ann.say('band create The Night Owls')).toMatch(/You found The Night Owls/);
      w.expect(bandOf(w, ann)).toBe('band:the-night-owls');
      w.expect(ann.last('band').payload).toMatchObject({ id: 'band:the-night-owls', name: 'The Night Owls',
        members: [{ id: ann.id, name: 'Ann' }], fame: 0, cash: 0 });
      w.expect(ann.say('band invite Bob')).toMatch(/You invite Bob/);
      w.expect(bob.transcript()).toContain('Ann invites you to join The Night Owls');
      bob.say('band join');
      w.expect(bandOf(w, bob)).toBe('band:the-night-owls');
      w.expect(ann.last('band').payload.members.map((m) => m.name)).toEqual(['Ann', 'Bob']);
      w.expect(bob.say('band')).toMatch(/^The Night Owls: Ann \(leader\) and Bob\.\nFame 0, cash \$0/);
    });

    t.test('rules: one band each, unique names, only the leader invites, no join without an invitation', (w) => {
      const ann = joinAt(w, 'Ann');
      const bob = joinAt(w, 'Bob');
      const cy = joinAt(w, 'Cy');
      w.expect(bob.say('band join')).toMatch(/Nobody has invited you/);
      ann.say('band create Owls');
      w.expect(ann.say('band create Larks')).toMatch(/in a band already/);
      w.expect(bob.say('band create owls')).toMatch(/There is a band called owls already/);
      w.expect(bob.say('band join Owls')).toMatch(/has not invited you/);
      ann.say('band invite Bob');
      bob.say('band join');
      w.expect(bob.say('band invite Cy')).toMatch(/Only the band's leader can invite/);
      w.expect(ann.say('band invite Nobody')).toMatch(/Nobody called "Nobody" is online/);
      w.expect(ann.say('band invite Bob')).toMatch(/Bob is in the band already/);
      w.expect(cy.say('band frobnicate')).toMatch(/^Usage: band/);
      w.expect(ann.say('band create')).toMatch(/in a band already/);
      w.expect(cy.say('band create')).toMatch(/Give the band a name/);
      w.expect(cy.say(`band create ${'x'.repeat(BANDS.band.nameMaxLength + 1)}`)).toMatch(/at most/);
    });

    t.test('an invitation runs out', (w) => {
      const ann = joinAt(w, 'Ann');
      const bob = joinAt(w, 'Bob');
      ann.say('band create Owls');
      ann.say('band invite Bob');
      w.advance(BANDS.band.inviteLasts);
      w.advance('1m');
      w.expect(bob.say('band join')).toMatch(/Nobody has invited you/);
      w.expect(bandOf(w, bob)).toBeNull();
    });

    t.test('a band is full at the data-defined size', (w) => {
      const players = Array.from({ length: BANDS.band.maxMembers + 1 }, (_, i) => joinAt(w, `P${i}`));
      players[0].say('band create Crowd');
      for (let i = 1; i < BANDS.band.maxMembers; i += 1) {
        players[0].say(`band invite P${i}`);
        players[i].say('band join');
      }
      w.expect(w.entity('band:crowd').props.members).toHaveLength(BANDS.band.maxMembers);
      w.expect(players[0].say(`band invite P${BANDS.band.maxMembers}`)).toMatch(/at most/);
    });

    t.test('leaving: leadership passes on, and the last one out takes the kitty', (w) => {
      const ann = joinAt(w, 'Ann');
      const bob = joinAt(w, 'Bob');
      ann.say('band create Owls');
      ann.say('band invite Bob');
      bob.say('band join');
      bob.say('band deposit 20');
      w.expect(ann.say('band leave')).toMatch(/You leave Owls/);
      w.expect(bob.transcript()).toContain('Bob leads it now.');
      w.expect(w.entity('band:owls').props.members).toEqual([bob.id]);
      const before = props(w, bob).vitals.cash;
      w.expect(bob.say('band leave')).toMatch(/the band is no more and its \$20 is yours/);
      w.expect(props(w, bob).vitals.cash).toBe(before + 20);
      w.expect(bandOf(w, bob)).toBeNull();
      w.expect(ann.say('band leave')).toMatch(/You are not in a band/);
    });
  });

  t.describe('songs', () => {
    t.test('write song: quality from songwriting, creativity and mood; the band owns it', (w) => {
      const ann = joinAt(w, 'Ann');
      w.expect(ann.say('write song First Light')).toMatch(/^You write "First Light"\. Quality \d+\/100\./);
      const solo = ann.last('message').payload.song;
      w.expect(solo.owner).toBe(ann.id);
      ann.say('band create Owls');
      ann.say('write song Second Light');
      w.expect(ann.last('message').payload.song.owner).toBe('band:owls');
      w.expect(w.entity('band:owls').props.songs).toHaveLength(1);
      w.expect(ann.say('write song second light')).toMatch(/already/);
      w.expect(ann.say('write poem')).toMatch(/Usage: write song/);
    });

    t.test('a skilled, creative, happy writer writes better songs', (w) => {
      const low = joinAt(w, 'Low');
      const high = joinAt(w, 'High');
      setVitals(w, low, { mood: 10 });
      setSkill(w, high, 'songwriting', 9);
      w.setProp(high.id, 'stats', { ...props(w, high).stats, creativity: 18 });
      setVitals(w, high, { mood: 95 });
      const q = (p) => { p.say('write song Tune'); return p.last('message').payload.song.quality; };
      w.expect(q(high) - q(low)).toBeGreaterThan(50);
    });

    t.test('writing takes energy, and a tired writer is refused', (w) => {
      const ann = joinAt(w, 'Ann');
      setVitals(w, ann, { energy: BANDS.songs.energyCost - 1 });
      w.expect(ann.say('write song Sleepy')).toMatch(/too tired/);
      w.expect(props(w, ann).songs ?? []).toHaveLength(0);
    });

    t.test('an EP holds at most the data-defined number of songs, and a song is released once', (w) => {
      const ann = joinAt(w, 'Ann');
      setVitals(w, ann, { energy: 200 });
      const max = BANDS.releases.epMaxSongs;
      const titles = Array.from({ length: max + 1 }, (_, i) => `Song ${String.fromCharCode(65 + i)}`);
      for (const title of titles) { setVitals(w, ann, { energy: 100 }); ann.say(`write song ${title}`); }
      w.expect(ann.say(`release ep Too Long: ${titles.join(', ')}`)).toMatch(new RegExp(`An EP holds ${BANDS.releases.epMinSongs} to ${max} songs, not ${max + 1}`));
      w.expect(ann.say(`release ep Lonely: ${titles[0]}`)).toMatch(/An EP holds/);
      w.expect(ann.say(`release ep Just Right: ${titles.slice(0, max).join(', ')}`)).toMatch(/The EP Just Right is out/);
      w.expect(ann.say(`release single ${titles[0]}`)).toMatch(/is already out/);
      w.expect(ann.say(`release single ${titles[max]}`)).toMatch(/is out as a single/);
      w.expect(ann.say('release single Nonexistent')).toMatch(/no song called "Nonexistent"/);
      w.expect(ann.say('release album x')).toMatch(/^Usage: release/);
      const released = (props(w, ann).songs ?? []).map((id) => w.entity(id).props.released);
      w.expect(released.filter((r) => r && r.kind === 'ep')).toHaveLength(max);
      w.expect(Object.keys(w.state('pulse').songs)).toHaveLength(max + 1);
    });
  });
};
