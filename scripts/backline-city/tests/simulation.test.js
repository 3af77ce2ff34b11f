// A headless month: 30 game days of 50 scripted players in 10 bands and the NPC bands of
// data/npc-bands.json. Every day each player does one thing (works a shift, writes or releases a song,
// shops, eats, chips into the band), bands book gigs and play them, and midnight runs the NPC bands, the
// charts and the market. At the end: no script faults, every ledger balances, the world's cash equals its
// recorded sources minus sinks, the charts were recomputed every day, and every NPC band released a song.
import { BAR, MUSIC_SHOP, LIVE_ROOM } from './places.js';
import { NPC_BANDS } from '../lib/career-data.js';

const PLAYERS = 50;
const BAND_SIZE = 5;
const DAYS = 30;
// Each player comes online every EVERY days.
const EVERY = 3;
const SHOP = 'downtown:record-store';

function cashOf(e) {
  return e.kind === 'player' ? e.props.vitals.cash : e.props.cash;
}

export default (t) => {
  t.test('30 game days, 50 players, the NPC bands: no faults, balanced books, daily charts', (w) => {
    w.spawn({ kind: 'npc', container: BAR, tags: ['npc', 'booking-agent'], props: { name: 'Sim Booker' } });
    // Players come online for what they do and leave again, as real ones do (and as the cost of a
    // month of 50 players' hourly timers would otherwise dominate the run).
    const names = Array.from({ length: PLAYERS }, (_, i) => `Sim${i}`);
    const ids = {};
    let commands = 0;
    const session = (list, body) => {
      const ps = list.map((n) => w.join(n));
      ps.forEach((p) => { ids[p.id] = true; });
      body(ps);
      ps.forEach((p) => p.leave());
    };
    const say = (p, text) => { commands += 1; return p.say(text); };
    const bands = [];
    for (let b = 0; b < PLAYERS / BAND_SIZE; b += 1) {
      const members = names.slice(b * BAND_SIZE, (b + 1) * BAND_SIZE);
      session(members, (ps) => {
        w.move(ps[0].id, BAR);
        say(ps[0], `band create Sim Band ${b}`);
        for (let m = 1; m < BAND_SIZE; m += 1) {
          say(ps[0], `band invite ${members[m]}`);
          say(ps[m], 'band join');
        }
      });
      bands.push({ id: `band:sim-band-${b}`, members });
    }
    const chartDays = [];
    let gigs = 0;
    for (let day = 0; day < DAYS; day += 1) {
      // Morning (08:00): a third of the players come online (each every third day) and do one thing;
      // the leader whose band's turn it is books tonight's gig (the Broken String has one band a night).
      const turn = day % (PLAYERS / BAND_SIZE);
      const today = names.filter((n, i) => i % EVERY === day % EVERY || i === turn * BAND_SIZE);
      session(today, (ps) => ps.forEach((p) => {
        const i = Number(p.name.slice(3));
        const act = (Math.floor(day / EVERY) + i) % 6;
        if (act === 0) { w.move(p.id, MUSIC_SHOP); say(p, 'work 3'); }
        if (act === 1) { w.move(p.id, LIVE_ROOM); say(p, `write song Day ${day} Tune ${i}`); }
        if (act === 2) { say(p, `release single Day ${day - EVERY} Tune ${i}`); }
        if (act === 3) { w.move(p.id, SHOP); say(p, 'buy energy drink'); say(p, 'sell energy drink'); }
        if (act === 4) { w.move(p.id, BAR); say(p, 'eat'); }
        if (act === 5) { say(p, 'band deposit 5'); }
        if (i === turn * BAND_SIZE) { w.move(p.id, BAR); say(p, 'gig book broken today'); }
      }));
      w.advance('12h');
      // 20:00: the booked bands play.
      bands.forEach((b) => {
        if (!(w.entity(b.id).props.gigs ?? []).some((g) => g.venue === BAR)) return;
        session(b.members, (ps) => {
          ps.forEach((p) => w.move(p.id, BAR));
          say(ps[0], 'gig perform');
          if (ps[0].last('gig_result')) gigs += 1;
        });
      });
      w.advance('12h');
      chartDays.push(w.state('pulse').day);
    }

    const faults = w.faults();
    w.expect(faults.map((f) => f.message ?? JSON.stringify(f)), 'script faults').toEqual([]);
    const accounts = [...Object.keys(ids), ...bands.map((b) => b.id), ...NPC_BANDS.bands.map((d) => `band:npc-${d.id}`)];
    let total = 0;
    for (const id of accounts) {
      const e = w.entity(id);
      const books = e.props.ledger ?? { in: 0, out: 0 };
      w.expect(Math.round((books.in - books.out) * 100) / 100, `books of ${id}`).toBe(cashOf(e));
      total += cashOf(e);
    }
    const ledger = w.state('ledger');
    const sum = (m) => Object.values(m).reduce((a, b) => a + b, 0);
    const net = Math.round((sum(ledger.sources) - sum(ledger.sinks)) * 100) / 100;
    w.expect(Math.round(total * 100) / 100, 'all cash = sources - sinks').toBe(net);
    w.expect([...Object.keys(ledger.sources), ...Object.keys(ledger.sinks)], 'every entry has a reason').not.toContain('unspecified');
    for (let i = 1; i < chartDays.length; i += 1) w.expect(chartDays[i], `charts of day ${i}`).toBe(chartDays[i - 1] + 1);
    w.expect(w.state('pulse').recomputed).toBe(DAYS);
    const npc = NPC_BANDS.bands.map((d) => {
      const band = w.entity(`band:npc-${d.id}`);
      const songs = band.props.songs.map((id) => w.entity(id));
      return { name: d.name, fame: band.props.fame, cash: band.props.cash, songs: songs.length,
        released: songs.filter((s) => s.props.released).length };
    });
    npc.forEach((b) => w.expect(b.released, `${b.name} released`).toBeGreaterThan(0));
    const top = w.state('pulse').weekly.slice(0, 3).map((r) => `${r.song} — ${r.artist} (${r.score})`);
    console.log(`simulation: ${DAYS} days, ${Object.keys(ids).length} players in ${bands.length} bands, ${commands} commands, ${gigs} player gigs, `
      + `${w.state('ledger').entries} ledger entries, cash in the world $${Math.round(total)} = sources $${Math.round(sum(ledger.sources))} `
      + `- sinks $${Math.round(sum(ledger.sinks))} (sources: ${Object.entries(ledger.sources).map(([k, v]) => `${k} $${Math.round(v)}`).join(', ')}); `
      + `charts recomputed ${w.state('pulse').recomputed} times; `
      + `NPC bands: ${npc.map((b) => `${b.name} ${b.released}/${b.songs} released, fame ${b.fame}`).join('; ')}; `
      + `weekly top 3: ${top.join(' | ')}`);
  }, { timeout: 45000 });
};
