// Songs: entities of kind "song" (in no room) with a title, an owner (the band of the writer, or the
// writer), the artist name the charts show, a quality 1..100, and, once released, {kind: single|ep, at,
// ep}. The owner lists its songs in its `songs` property. Releasing puts a song on the World Pulse charts
// (lib/charts.js). Numbers: data/bands.json (`songs`, `releases`).
import { BANDS } from './career-data.js';
import { addHype } from './charts.js';
import { activeModifiers, apply } from './modifiers.js';
import { statValue } from './character.js';

function clamp(x, lo, hi) {
  return Math.min(hi, Math.max(lo, x));
}

/** Random in [-spread, spread], from the seeded RNG. */
export function jitter(spread) {
  return (Math.random() * 2 - 1) * spread;
}

/**
 * The quality of a song written now by `player` (an entity view with a character): songwriting level and
 * creativity (both with the modifiers of effects and gear), mood, and some luck.
 */
export function writingQuality(player) {
  const q = BANDS.songs.quality;
  const modifiers = activeModifiers(player);
  const level = apply(player.props.skills.songwriting.level, 'songwriting', modifiers);
  const creativity = statValue(player, 'creativity', modifiers);
  const raw = q.base + level * q.perSongwritingLevel + (creativity - q.creativityBaseline) * q.perCreativityPoint
    + (player.props.vitals.mood - q.moodBaseline) * q.perMoodPoint + jitter(q.randomSpread);
  return Math.round(clamp(raw, q.min, q.max));
}

/** NPC writers: quality from a songwriting level alone. */
export function npcQuality(level) {
  const q = BANDS.songs.quality;
  return Math.round(clamp(q.base + level * q.perSongwritingLevel + jitter(q.randomSpread), q.min, q.max));
}

export function createSong({ title, owner, artist, quality, writer }) {
  const id = game.spawn({ kind: 'song', props: { title, owner, artist, quality, writer, writtenAt: game.now(), released: null } });
  game.setProp(owner, 'songs', [...(game.prop(owner, 'songs') ?? []), id]);
  return id;
}

export function songsOf(ownerId) {
  return (game.prop(ownerId, 'songs') ?? []).map((id) => game.entity(id)).filter(Boolean);
}

export function unreleased(ownerId) {
  return songsOf(ownerId).filter((s) => !s.props.released);
}

/** The song of `songs` whose title is `typed` (case aside), or that it begins; null if none. */
export function findSong(songs, typed) {
  const t = typed.trim().toLowerCase();
  if (t === '') return null;
  return songs.find((s) => s.props.title.toLowerCase() === t) ?? songs.find((s) => s.props.title.toLowerCase().startsWith(t)) ?? null;
}

/**
 * Releases songs as a single (one song) or an EP (epMinSongs..epMaxSongs songs, named `title`); every song
 * enters the charts with hype from its quality. Returns an error text, or null when released.
 */
export function release(songs, kind, { title = null, fame = 0 } = {}) {
  const r = BANDS.releases;
  if (kind === 'single' && songs.length !== 1) return 'A single is one song.';
  if (kind === 'ep' && (songs.length < r.epMinSongs || songs.length > r.epMaxSongs)) {
    return `An EP holds ${r.epMinSongs} to ${r.epMaxSongs} songs, not ${songs.length}.`;
  }
  const already = songs.find((s) => s.props.released);
  if (already) return `"${already.props.title}" is already out.`;
  if (new Set(songs.map((s) => s.id)).size !== songs.length) return 'Each song can be on a release only once.';
  const base = kind === 'single' ? r.singleHype : r.epHypePerSong;
  for (const s of songs) {
    const released = { kind, at: game.now(), ep: kind === 'ep' ? title : null };
    game.setProp(s.id, 'released', released);
    addHype({ ...s, props: { ...s.props, released } }, Math.round(base * (1 + s.props.quality * r.qualityHypeFactor) * 10) / 10, fame);
  }
  return null;
}
