// Script tests of the World Pulse charts (lib/charts.js, data/charts.json) and of the NPC bands that
// compete on them (lib/npc-bands.js, data/npc-bands.json).
import { joinAt, setSkill, setVitals, props } from './places.js';
import { CHARTS, NPC_BANDS } from '../lib/career-data.js';

const row = (rows, song) => rows.find((r) => r.song === song);

function untilMidnight(w) {
  const d = new Date(w.now());
  const left = 86_400_000 - (d.getUTCHours() * 3_600_000 + d.getUTCMinutes() * 60_000 + d.getUTCSeconds() * 1000);
  w.advance(left + 60_000);
}

export default (t) => {
  t.test('before the first midnight the charts are empty, and say when they come', (w) => {
    const ann = joinAt(w, 'Ann');
    w.expect(ann.say('charts')).toMatch(/World Pulse: the first charts come out at midnight/);
    w.expect(ann.last('charts').payload).toMatchObject({ daily: [], weekly: [], day: null });
  });

  t.test('ordering: the better song ranks higher, the list is sorted, and everyone online gets the new charts', (w) => {
    const ann = joinAt(w, 'Ann');
    const bob = joinAt(w, 'Bob');
    setSkill(w, ann, 'songwriting', 10);
    setVitals(w, ann, { mood: 100 });
    setVitals(w, bob, { mood: 0 });
    ann.say('write song Big Hit');
    bob.say('write song Small Hit');
    ann.say('release single Big Hit');
    bob.say('release single Small Hit');
    untilMidnight(w);
    const sent = ann.last('charts');
    w.expect(sent, 'the charts are broadcast at midnight').toBeTruthy();
    w.expect(bob.last('charts').payload).toEqual(sent.payload);
    const daily = sent.payload.daily;
    w.expect(daily.length).toBeLessThanOrEqual(CHARTS.size);
    for (let i = 1; i < daily.length; i += 1) {
      w.expect(daily[i - 1].score).toBeGreaterThanOrEqual(daily[i].score);
      w.expect(daily[i].rank).toBe(i + 1);
    }
    const big = row(daily, 'Big Hit');
    const small = row(daily, 'Small Hit');
    w.expect(big.rank).toBeLessThan(small.rank);
    w.expect(big).toMatchObject({ artist: 'Ann', change: 'new' });
    w.expect(sent.payload.weekly.map((r) => r.song)).toContain('Big Hit');
  });

  t.test('decay: without plays a song\'s daily score falls day by day, and the weekly sums its days', (w) => {
    const ann = joinAt(w, 'Ann');
    setSkill(w, ann, 'songwriting', 10);
    ann.say('write song Fading');
    ann.say('release single Fading');
    const scores = [];
    for (let d = 0; d < 3; d += 1) {
      untilMidnight(w);
      const e = w.state('pulse').songs[Object.keys(w.state('pulse').songs).find((k) => w.state('pulse').songs[k].title === 'Fading')];
      scores.push(e.history[e.history.length - 1]);
    }
    w.expect(scores[1]).toBeLessThan(scores[0]);
    w.expect(scores[2]).toBeLessThan(scores[1]);
    ann.say('charts');
    const weekly = row(ann.last('charts').payload.weekly, 'Fading');
    w.expect(weekly.score).toBe(Math.round((scores[0] + scores[1] + scores[2]) * 10) / 10);
    w.expect(w.state('pulse').recomputed).toBe(3);
  });

  t.test('NPC bands exist, write, release and play, and share the charts with players', (w) => {
    const ann = joinAt(w, 'Ann');
    w.advance('8d');
    const pulse = w.state('pulse');
    for (const def of NPC_BANDS.bands) {
      const band = w.entity(`band:npc-${def.id}`);
      w.expect(band, def.name).toBeTruthy();
      const released = band.props.songs.map((id) => w.entity(id)).filter((s) => s.props.released);
      w.expect(released.length, `${def.name} released`).toBeGreaterThan(0);
      w.expect((band.props.ledger?.entries ?? []).map((e) => e.reason), `${def.name} gigged`).toContain('gig pay');
      w.expect(band.props.skill, `${def.name} practised`).toBeGreaterThan(def.skill);
    }
    w.expect(pulse.recomputed).toBe(8);
    ann.say('charts');
    w.expect(ann.last('charts').payload.daily.length).toBeGreaterThan(0);
    w.expect(props(w, ann)).toBeTruthy();
  }, { timeout: 60000 });
};
