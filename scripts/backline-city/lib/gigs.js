// Gigs: a band books a venue for a day (at a booking agent, paying the venue's fee) and performs there
// on that day in the gig hours. A booked gig is an entry {venue, day, fee, bookedBy} in the band's `gigs`.
// The outcome comes from `gigOutcome`, a pure function of the performers, the setlist, the venue and the
// band's fame plus the seeded RNG, so NPC bands (lib/npc-bands.js) play by the same rules. Numbers:
// data/gigs.json.
import { GIGS } from './career-data.js';
import { dayLabel, startOf, today } from './days.js';
import { jitter, songsOf } from './songs.js';

const O = GIGS.outcome;

function clamp(x, lo, hi) {
  return Math.min(hi, Math.max(lo, x));
}

export function venueOf(id) {
  return GIGS.venues[id] ?? null;
}

/** The venue a player names: its room id, its name, or words it begins with ("basement"). */
export function findVenue(typed) {
  const t = typed.toLowerCase().replace(/^the\s+/, '').trim();
  if (t === '') return null;
  for (const [id, v] of Object.entries(GIGS.venues)) {
    const name = v.name.toLowerCase().replace(/^the\s+/, '');
    if (id === t || name === t || name.startsWith(t) || id.endsWith(`:${t}`)) return id;
  }
  return null;
}

// Which band has each venue on which night: {"<venue>|<day>": bandId} in the pack state, past nights pruned.
const NIGHTS = 'venue-nights';

export function nightTaken(venueId, day) {
  return (game.state(NIGHTS) ?? {})[`${venueId}|${day}`] ?? null;
}

export function takeNight(venueId, day, bandId, fromDay) {
  const nights = Object.fromEntries(Object.entries(game.state(NIGHTS) ?? {}).filter(([k]) => Number(k.split('|')[1]) >= fromDay));
  nights[`${venueId}|${day}`] = bandId;
  game.setState(NIGHTS, nights);
}

export function upcoming(band, fromDay) {
  return (band.props.gigs ?? []).filter((g) => g.day >= fromDay);
}

export function gigsText(band) {
  const gigs = upcoming(band, today());
  if (gigs.length === 0) return '';
  return `Booked: ${gigs.map((g) => `${venueOf(g.venue)?.name ?? g.venue} on ${dayLabel(g.day)}`).join('; ')}.`;
}

/** Whether game time `millis` is within the gig hours of `day`. */
export function inGigHours(day, millis) {
  const from = startOf(day) + GIGS.booking.startHour * 3_600_000;
  const to = startOf(day) + GIGS.booking.endHour * 3_600_000;
  return millis >= from && millis < to;
}

/** The band's best songs (its own and its members'), up to the setlist size, best first. */
export function setlist(band) {
  const own = songsOf(band.id);
  const members = (band.props.members ?? []).flatMap((m) => songsOf(m));
  return [...own, ...members].sort((a, b) => b.props.quality - a.props.quality).slice(0, O.setlistSize)
    .map((s) => ({ id: s.id, title: s.props.title, quality: s.props.quality }));
}

/**
 * The outcome of a gig. `performers`: [{skill: 0..maxLevel (best instrument), performance: 0..maxLevel,
 * mood: 0..100, energy: 0..1 (share of max)}]; `songs`: qualities of the setlist (covers fill the gaps);
 * `venue` from data/gigs.json; `fame` of the band; `maxLevel` of skills. Returns
 * {score 0..100, attendance 0..capacity, pay, merch, merchCash, fame, xp: {performance, instrument}}.
 */
export function gigOutcome({ performers, songs, venue, fame, maxLevel }) {
  const skill = performers.reduce((sum, p) => sum + (p.skill + p.performance) / (2 * maxLevel) * 100, 0) / performers.length;
  const lineup = Math.min(O.lineupBonusMax, (performers.length - 1) * O.lineupBonusPerMember);
  const setlistQ = Array.from({ length: O.setlistSize }, (_, i) => songs[i] ?? O.coverQuality)
    .reduce((a, b) => a + b, 0) / O.setlistSize;
  const mood = performers.reduce((s, p) => s + p.mood, 0) / performers.length;
  const energy = performers.reduce((s, p) => s + p.energy, 0) / performers.length;
  const score = Math.round(clamp(O.skillWeight * skill + lineup + O.songWeight * setlistQ + O.moodWeight * (mood - 50)
    + O.energyWeight * (energy * 100 - 50) + jitter(O.randomSpread), 0, 100));
  const d = O.draw;
  const share = clamp(d.base + d.perFame * fame + d.perScore * score + jitter(d.randomSpread), d.min, 1);
  const attendance = Math.min(venue.capacity, Math.round(venue.capacity * share));
  const pay = Math.round(attendance * venue.ticket * O.doorShare);
  const merch = Math.round(attendance * O.merch.perFan * (1 + O.merch.scoreFactor * (score - 50) / 100));
  const merchCash = Math.max(0, merch) * O.merch.price;
  const fameGain = Math.round((attendance * O.fame.perFan + score * O.fame.perScore) * 10) / 10;
  const xpFactor = 1 + O.xp.perScore * score / 100;
  return { score, attendance, capacity: venue.capacity, pay, merch: Math.max(0, merch), merchCash, fame: fameGain,
    xp: { performance: Math.round(O.xp.performance * xpFactor), instrument: Math.round(O.xp.instrument * xpFactor) } };
}
