// The NPC bands of data/npc-bands.json keep the world moving while nobody is online: once a game day
// each one practises (its skill creeps up), may write a song, may release (a single, or an EP when it has
// enough songs; after `maxDaysWithoutRelease` days without a release it writes and releases one), and on its
// gig days plays the largest venue its fame allows, by the same outcome rules as players (lib/gigs.js),
// paid through the ledger. They are bands like any other (`band:npc-<id>`, `npc: true`), made the first
// time the day runs.
import { BANDS, GIGS, NPC_BANDS } from './career-data.js';
import { SKILLS } from './data.js';
import { addBandFame } from './bands.js';
import { addPlays } from './charts.js';
import { weekdayOf } from './days.js';
import { gigOutcome } from './gigs.js';
import { open, post } from './ledger.js';
import { createSong, npcQuality, release, songsOf } from './songs.js';

const R = NPC_BANDS.rules;

export function npcBandId(def) {
  return `band:npc-${def.id}`;
}

function spawnNpc(def, day) {
  const id = npcBandId(def);
  if (game.entity(id)) return id;
  game.spawn({ kind: 'band', id, props: { name: def.name, members: [], invites: {}, fame: def.fame, cash: R.startCash, songs: [],
    gigs: [], npc: true, skill: def.skill, songwriting: def.songwriting, lastRelease: null, activeSince: day, createdAt: game.now() } });
  open(id, 'starting cash');
  return id;
}

function pick(list) {
  return list[Math.floor(Math.random() * list.length)];
}

function newTitle(bandId) {
  const taken = new Set(songsOf(bandId).map((s) => s.props.title));
  for (let i = 0; i < 10; i += 1) {
    const title = `${pick(NPC_BANDS.titles.first)} ${pick(NPC_BANDS.titles.second)}`;
    if (!taken.has(title)) return title;
  }
  return `${pick(NPC_BANDS.titles.first)} ${pick(NPC_BANDS.titles.second)} ${taken.size + 1}`;
}

function overdue(band, day) {
  return day - (band.props.lastRelease ?? band.props.activeSince ?? day) >= R.maxDaysWithoutRelease;
}

function releaseSome(band, def, day) {
  const waiting = songsOf(band.id).filter((s) => !s.props.released).sort((a, b) => b.props.quality - a.props.quality);
  if (waiting.length === 0) return null;
  const r = BANDS.releases;
  let songs = null;
  let kind = 'single';
  if (waiting.length >= r.epMinSongs && Math.random() < R.epChance) {
    songs = waiting.slice(0, r.epMaxSongs);
    kind = 'ep';
  } else if (overdue(band, day) || Math.random() < def.releaseChance) {
    songs = waiting.slice(0, 1);
  }
  if (!songs) return null;
  const error = release(songs, kind, { title: kind === 'ep' ? `${songs[0].props.title} EP` : null, fame: band.props.fame });
  if (error) return null;
  game.setProp(band.id, 'lastRelease', day);
  return { kind, songs: songs.length };
}

function playGig(band, def) {
  const venues = Object.entries(GIGS.venues).filter(([, v]) => v.minFame <= band.props.fame)
    .sort((a, b) => b[1].capacity - a[1].capacity);
  if (venues.length === 0) return null;
  const [venueId, venue] = venues[0];
  const songs = songsOf(band.id).sort((a, b) => b.props.quality - a.props.quality).slice(0, GIGS.outcome.setlistSize);
  const skill = band.props.skill;
  const performers = Array.from({ length: def.members }, () => ({ skill, performance: skill, mood: R.gigMood, energy: R.gigEnergy }));
  const result = gigOutcome({ performers, songs: songs.map((s) => s.props.quality), venue, fame: band.props.fame,
    maxLevel: SKILLS.maxLevel });
  if (venue.fee > 0 && post(band.id, -venue.fee, 'booking fee') === null) return null;
  post(band.id, result.pay, 'gig pay');
  post(band.id, result.merchCash, 'merch');
  const fame = addBandFame(band.id, result.fame);
  addPlays(songs.map((s) => s.id), result.attendance * GIGS.outcome.playsPerFan, fame);
  return { venue: venueId, attendance: result.attendance, score: result.score };
}

/** One game day of every NPC band; returns what each did, for logs and the simulation's summary. */
export function npcDay(day) {
  const report = [];
  for (const def of NPC_BANDS.bands) {
    const id = spawnNpc(def, day);
    let band = game.entity(id);
    const skill = Math.min(SKILLS.maxLevel, Math.round((band.props.skill + R.practiseGain) * 100) / 100);
    game.setProp(id, 'skill', skill);
    const did = { band: def.name };
    const waiting = songsOf(id).filter((s) => !s.props.released).length;
    // A band due a release with nothing to put out writes something, whatever the odds.
    if ((Math.random() < def.writeChance || (waiting === 0 && overdue(band, day))) && waiting < BANDS.songs.maxUnreleased) {
      createSong({ title: newTitle(id), owner: id, artist: def.name, quality: npcQuality(band.props.songwriting), writer: id });
      did.wrote = true;
    }
    band = game.entity(id);
    did.released = releaseSome(band, def, day);
    if (def.gigDays.includes(weekdayOf(day))) did.gig = playGig(game.entity(id), def);
    report.push(did);
  }
  return report;
}

/** Every NPC band, made if missing. */
export function npcBandIds() {
  return NPC_BANDS.bands.map((def) => npcBandId(def));
}
