// Bands: an entity of kind "band" (id "band:<slug>", in no room) holding its name, members (player ids,
// the first is the leader), pending invites, fame, cash (a ledger account, see lib/ledger.js), songs and
// booked gigs. A player in a band has its id as their `band` property. NPC bands (lib/npc-bands.js) are
// bands too, with `npc: true` and no players. Numbers: data/bands.json.
import { BANDS } from './career-data.js';
import { nameOf } from './text.js';
import { ms } from './time.js';

export function slug(name) {
  return name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

export function bandOf(playerId) {
  const id = game.prop(playerId, 'band');
  return id ? game.entity(id) : null;
}

/** Checks a band name; returns an error text or null. */
export function badName(name) {
  if (name === '') return 'Give the band a name, like "band create The Night Owls".';
  if (name.length > BANDS.band.nameMaxLength) return `A band name has at most ${BANDS.band.nameMaxLength} characters.`;
  if (slug(name) === '') return 'A band name needs some letters or digits.';
  return null;
}

export function createBand(playerId, name, extra = {}) {
  const id = game.spawn({
    kind: 'band', id: `band:${slug(name)}`,
    props: { name, members: playerId ? [playerId] : [], invites: {}, fame: BANDS.band.startFame, cash: 0, songs: [], gigs: [],
      createdAt: game.now(), ...extra },
  });
  if (playerId) game.setProp(playerId, 'band', id);
  return id;
}

export function membersOf(band) {
  return (band.props.members ?? []).map((id) => ({ id, name: nameOf(game.entity(id)) }));
}

/** The `band` payload of docs/protocol.md. */
export function bandPayload(band) {
  return { id: band.id, name: band.props.name, members: membersOf(band), fame: band.props.fame ?? 0, cash: band.props.cash ?? 0 };
}

/** Sends the band's state to every member online (after a change), with an optional text. */
export function tellBand(bandId, text = null) {
  const band = game.entity(bandId);
  if (!band) return;
  const payload = bandPayload(band);
  for (const m of band.props.members ?? []) {
    if (game.isOnline(m)) game.send(m, 'band', text, payload);
  }
}

/** Pending invites that have not run out, as {player: until}. */
export function liveInvites(band) {
  const now = game.now();
  return Object.fromEntries(Object.entries(band.props.invites ?? {}).filter(([, until]) => until > now));
}

export function invite(band, playerId) {
  game.setProp(band.id, 'invites', { ...liveInvites(band), [playerId]: game.now() + ms(BANDS.band.inviteLasts) });
}

export function join(band, playerId) {
  const invites = liveInvites(band);
  delete invites[playerId];
  game.setProp(band.id, 'invites', invites);
  game.setProp(band.id, 'members', [...band.props.members, playerId]);
  game.setProp(playerId, 'band', band.id);
}

/** Takes a player out of their band; returns the members left. */
export function leave(band, playerId) {
  const left = band.props.members.filter((m) => m !== playerId);
  game.setProp(band.id, 'members', left);
  game.setProp(playerId, 'band', null);
  return left;
}

export function addBandFame(bandId, amount) {
  const fame = Math.round(((game.prop(bandId, 'fame') ?? 0) + amount) * 10) / 10;
  game.setProp(bandId, 'fame', Math.max(0, fame));
  return fame;
}
