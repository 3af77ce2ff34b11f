// World Pulse: the daily and weekly charts of released songs, NPC and player songs alike. Each charted
// song keeps, in the pack's state store, its hype (from its release, decaying every day), today's plays
// (from gigs) and the fame of its artist when last heard of. Once a game day the charts are recomputed:
// a song's daily score is hype + plays × playWeight + quality × qualityWeight + fame × fameWeight; the
// weekly score is the sum of its last `weeklyDays` daily scores. Then hype decays and plays start over;
// a song whose hype and week have faded drops off. Numbers: data/charts.json.
import { CHARTS } from './career-data.js';
import { compareText } from './text.js';
import { calendarDay, dayLabel, today } from './days.js';

const KEY = 'pulse';

function round1(x) {
  return Math.round(x * 10) / 10;
}

export function pulse() {
  return game.state(KEY) ?? { day: null, recomputed: 0, songs: {}, daily: [], weekly: [] };
}

/** A released song enters the charts (or gains hype again). `song` is the song entity. */
export function addHype(song, amount, fame) {
  const p = pulse();
  const entry = p.songs[song.id] ?? { title: song.props.title, artist: song.props.artist, owner: song.props.owner,
    quality: song.props.quality, hype: 0, plays: 0, history: [] };
  entry.hype = round1(entry.hype + amount);
  entry.fame = fame;
  p.songs[song.id] = entry;
  game.setState(KEY, p);
}

/** Songs played at a gig: each gains `plays` for today's chart (songs not released yet do not chart). */
export function addPlays(songIds, plays, fame) {
  const p = pulse();
  let changed = false;
  for (const id of songIds) {
    const entry = p.songs[id];
    if (!entry) continue;
    entry.plays += plays;
    entry.fame = fame;
    changed = true;
  }
  if (changed) game.setState(KEY, p);
}

export function dailyScore(entry) {
  return round1(entry.hype + entry.plays * CHARTS.playWeight + entry.quality * CHARTS.qualityWeight
    + (entry.fame ?? 0) * CHARTS.fameWeight);
}

function ranked(scored, previous) {
  const before = Object.fromEntries((previous ?? []).map((r) => [r.id, r.rank]));
  return scored
    .sort((a, b) => b.score - a.score || b.quality - a.quality || compareText(a.song, b.song) || compareText(a.id, b.id))
    .slice(0, CHARTS.size)
    .map((s, i) => ({ rank: i + 1, id: s.id, song: s.song, artist: s.artist, score: s.score,
      change: before[s.id] === undefined ? 'new' : before[s.id] - (i + 1) }));
}

/**
 * Recomputes both charts for the day that just ended (`day`), then decays hype and starts the next day's
 * plays. Called once a game day; returns the new state.
 */
export function recompute(day = today()) {
  const p = pulse();
  const daily = [];
  const weekly = [];
  for (const [id, e] of Object.entries(p.songs)) {
    const score = dailyScore(e);
    e.history = [...e.history, score].slice(-CHARTS.weeklyDays);
    daily.push({ id, song: e.title, artist: e.artist, quality: e.quality, score });
    weekly.push({ id, song: e.title, artist: e.artist, quality: e.quality, score: round1(e.history.reduce((a, b) => a + b, 0)) });
    e.hype = round1(e.hype * CHARTS.hypeDecayPerDay);
    e.plays = 0;
  }
  p.daily = ranked(daily, p.daily);
  p.weekly = ranked(weekly, p.weekly);
  for (const [id, e] of Object.entries(p.songs)) {
    const week = e.history.reduce((a, b) => a + b, 0);
    if (e.hype < CHARTS.dropBelow && e.history.length >= CHARTS.weeklyDays && week < CHARTS.dropBelow * CHARTS.weeklyDays) {
      delete p.songs[id];
    }
  }
  p.day = day;
  p.recomputed += 1;
  game.setState(KEY, p);
  return p;
}

/** The `charts` payload of docs/protocol.md. */
export function chartsPayload(p = pulse()) {
  const strip = (rows) => rows.map(({ rank, song, artist, score, change }) => ({ rank, song, artist, score, change }));
  return { name: CHARTS.name, daily: strip(p.daily), weekly: strip(p.weekly), day: p.day === null ? null : calendarDay(p.day),
    date: p.day === null ? null : dayLabel(p.day) };
}

export function chartsText(p = pulse()) {
  if (p.day === null) return `${CHARTS.name}: the first charts come out at midnight.`;
  const line = (r) => `${String(r.rank).padStart(2)}. ${r.song} — ${r.artist} (${r.score})`
    + `${r.change === 'new' ? ' new' : r.change > 0 ? ` ▲${r.change}` : r.change < 0 ? ` ▼${-r.change}` : ''}`;
  const block = (title, rows) => [title, ...(rows.length ? rows.map(line) : ['  (no songs yet)'])];
  return [`${CHARTS.name}, ${dayLabel(p.day)}`, ...block('Today:', p.daily), ...block('This week:', p.weekly)].join('\n');
}
