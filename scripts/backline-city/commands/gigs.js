// gig book <venue> <day>, gig perform, gig (the bookings). Rules in lib/gigs.js, numbers in data/gigs.json.
import { GIGS } from '../lib/career-data.js';
import { SKILLS } from '../lib/data.js';
import { addBandFame, bandOf, tellBand } from '../lib/bands.js';
import { addXp, changeVitals, character, maxOf } from '../lib/character.js';
import { activeModifiers, apply } from '../lib/modifiers.js';
import { addPlays } from '../lib/charts.js';
import { dayLabel, parseDay, today } from '../lib/days.js';
import { findVenue, gigOutcome, gigsText, inGigHours, nightTaken, setlist, takeNight, upcoming, venueOf } from '../lib/gigs.js';
import { notify } from '../lib/inbox.js';
import { post, transfer } from '../lib/ledger.js';
import { roomMatches } from '../lib/places.js';
import { roomOf } from '../lib/rooms.js';
import { nameOf } from '../lib/text.js';

/** Answers a refusal (with its code in the payload, for clients) and ends the command. */
function refuse(ctx, text, code) {
  ctx.reply(text, { refused: code });
}

const O = GIGS.outcome;

/** A booking agent is at hand: the room is a booking office, or an NPC tagged as booking agent is in it. */
function atAgent(room) {
  if (!room) return false;
  if (roomMatches(room, GIGS.booking.place)) return true;
  return game.contents(room.id).some((e) => e.kind !== 'player' && (e.tags.includes(GIGS.booking.agentTag)
    || e.props.role === GIGS.booking.agentTag || (e.template ?? '').endsWith(`:${GIGS.booking.agentTag}`)));
}

function book(ctx, band, args) {
  const venueWords = args.slice(0, -1).join(' ');
  const dayWord = args[args.length - 1];
  if (args.length < 2) { ctx.reply('Usage: gig book <venue> <day> (a day: today, tomorrow, fri, +3 or the date, like 14).'); return; }
  if (!atAgent(roomOf(ctx.player))) return refuse(ctx, 'Gigs are booked through a booking agent: find one first.', 'place');
  const venueId = findVenue(venueWords);
  if (!venueId) {
    ctx.reply(`There is no venue called "${venueWords}". Venues: ${Object.values(GIGS.venues).map((v) => v.name).join(', ')}.`, { refused: 'venue' });
    return;
  }
  const venue = venueOf(venueId);
  const now = today();
  const day = parseDay(dayWord, now, GIGS.booking.maxDaysAhead);
  if (day === null) return refuse(ctx, `"${dayWord}" is not a day within the next ${GIGS.booking.maxDaysAhead} days.`, 'day');
  if (day === now && game.now() >= day * 86_400_000 + GIGS.booking.endHour * 3_600_000)
    return refuse(ctx, 'Tonight is over.', 'day');
  if ((band.props.fame ?? 0) < venue.minFame) {
    ctx.reply(`${venue.name} books bands with fame ${venue.minFame} or more; ${band.props.name} has ${band.props.fame ?? 0}.`, { refused: 'fame' });
    return;
  }
  const gigs = upcoming(band, now);
  if (gigs.length >= GIGS.booking.maxPending)
    return refuse(ctx, `${band.props.name} has ${gigs.length} gigs booked already.`, 'too_many');
  if (gigs.some((g) => g.day === day)) return refuse(ctx, `${band.props.name} already plays on ${dayLabel(day)}.`, 'taken');
  const other = nightTaken(venueId, day);
  if (other && other !== band.id) {
    ctx.reply(`${venue.name} is booked on ${dayLabel(day)} by ${game.entity(other)?.props.name ?? 'another band'}.`, { refused: 'venue_taken' });
    return;
  }
  game.durable();
  // The fee comes out of the band's kitty; what it lacks, the one booking pays (moved into the kitty first).
  const lacking = Math.max(0, venue.fee - (band.props.cash ?? 0));
  if (lacking > 0 && !transfer(ctx.player, band.id, lacking, 'booking fee share')) {
    ctx.reply(`The fee is $${venue.fee}: the band has $${band.props.cash ?? 0} and you cannot make up the rest.`, { refused: 'cash' });
    return;
  }
  if (venue.fee > 0) post(band.id, -venue.fee, 'booking fee');
  game.setProp(band.id, 'gigs', [...gigs, { venue: venueId, day, fee: venue.fee, bookedBy: ctx.player }]);
  takeNight(venueId, day, band.id, now);
  tellBand(band.id, `${nameOf(game.entity(ctx.player))} books ${band.props.name} at ${venue.name} on ${dayLabel(day)}, `
    + `from ${GIGS.booking.startHour}:00 (fee $${venue.fee}).`);
  ctx.reply(`Booked: ${venue.name}, ${dayLabel(day)}.`, { gig: { venue: venueId, day, fee: venue.fee } });
}

function performerOf(player) {
  const me = character(player);
  const modifiers = activeModifiers(me);
  const level = (s) => apply(me.props.skills[s].level, s, modifiers);
  const best = O.instruments.reduce((b, s) => (level(s) > level(b) ? s : b), O.instruments[0]);
  return { id: player, name: nameOf(me), instrument: best, skill: level(best), performance: level('performance'),
    mood: me.props.vitals.mood, energy: me.props.vitals.energy / maxOf(me, 'energy', modifiers) };
}

function perform(ctx, band) {
  const room = roomOf(ctx.player);
  const day = today();
  const gig = (band.props.gigs ?? []).find((g) => g.day === day && g.venue === room?.id);
  if (!gig) {
    const next = upcoming(band, day)[0];
    ctx.reply(next ? `${band.props.name} plays ${venueOf(next.venue)?.name} on ${dayLabel(next.day)}: perform there, then.`
      : `${band.props.name} has no gig booked here today.`, { refused: 'no_gig' });
    return;
  }
  if (!inGigHours(day, game.now())) {
    ctx.reply(`The gig is from ${GIGS.booking.startHour}:00 to ${GIGS.booking.endHour}:00.`, { refused: 'time' });
    return;
  }
  const inRoom = new Set(game.playersIn(room.id).map((p) => p.id));
  const here = band.props.members.filter((m) => inRoom.has(m));
  const performers = here.map(performerOf);
  const songs = setlist(band);
  const venue = venueOf(gig.venue);
  const result = gigOutcome({ performers, songs: songs.map((s) => s.quality), venue, fame: band.props.fame ?? 0,
    maxLevel: SKILLS.maxLevel });
  game.setProp(band.id, 'gigs', band.props.gigs.filter((g) => g !== gig && !(g.day === gig.day && g.venue === gig.venue)));
  if (result.pay > 0) post(band.id, result.pay, 'gig pay');
  if (result.merchCash > 0) post(band.id, result.merchCash, 'merch');
  const share = Math.floor((result.pay + result.merchCash) * O.memberShare / performers.length);
  const fame = addBandFame(band.id, result.fame);
  for (const p of performers) {
    if (share > 0) transfer(band.id, p.id, share, 'gig share');
    addXp(p.id, 'performance', result.xp.performance);
    addXp(p.id, p.instrument, result.xp.instrument);
    changeVitals(p.id, { ...O.stress, fame: result.fame });
  }
  addPlays(songs.map((s) => s.id), result.attendance * O.playsPerFan, fame);
  const payload = { venue: gig.venue, attendance: result.attendance, capacity: result.capacity, score: result.score,
    pay: result.pay, fame: result.fame, xp: { performance: result.xp.performance, instrument: result.xp.instrument },
    merch: result.merch, merchCash: result.merchCash, share, setlist: songs.map((s) => s.title),
    performers: performers.map((p) => p.name) };
  const text = `${band.props.name} play ${venue.name}: ${result.attendance} of ${result.capacity} came, performance ${result.score}/100. `
    + `Door $${result.pay}, ${result.merch} merch sold ($${result.merchCash}), fame +${result.fame}; each of you takes $${share}.`;
  // Members away hear of it in their inbox.
  for (const m of band.props.members) {
    if (game.isOnline(m)) game.send(m, 'gig_result', text, payload); else notify(m, text);
  }
  game.toRoom(room.id, `${band.props.name} play a set: ${result.attendance} people in the room, and it scores ${result.score}/100.`,
    { except: band.props.members });
}

const GIG_USAGE = 'gig [book <venue> <day> | perform]';

export const gig = {
  name: 'gig',
  help: 'Gigs: "gig book <venue> <day>" at a booking agent, "gig perform" at the venue on the night, "gig" lists them.',
  usage: GIG_USAGE,
  run(ctx) {
    const band = bandOf(ctx.player);
    if (!band) { ctx.reply('You need a band to play gigs: "band create <name>".', { refused: 'no_band' }); return; }
    const [word = '', ...args] = ctx.argv;
    if (word === '') {
      const text = gigsText(band);
      ctx.reply(text || `${band.props.name} has no gigs booked.`, { gigs: band.props.gigs ?? [] });
    } else if (word === 'book') {
      book(ctx, band, args);
    } else if (word === 'perform' || word === 'play') {
      perform(ctx, band);
    } else {
      ctx.reply(`Usage: ${GIG_USAGE}`);
    }
  },
};
