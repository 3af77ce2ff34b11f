// The tables of the career and the economy: bands and songs (data/bands.json), gigs and venues
// (data/gigs.json), the World Pulse charts (data/charts.json), the NPC bands (data/npc-bands.json), and
// the ledger, shops and market (data/economy.json). Checked when the pack loads, like lib/data.js: a
// broken table stops the reload with the file and the field.
import bandTable from '../data/bands.json' with { type: 'json' };
import gigTable from '../data/gigs.json' with { type: 'json' };
import chartTable from '../data/charts.json' with { type: 'json' };
import npcTable from '../data/npc-bands.json' with { type: 'json' };
import economyTable from '../data/economy.json' with { type: 'json' };
import { EVENTS, SKILLS } from './data.js';
import { ms } from './time.js';

function deepFreeze(value) {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

export const BANDS = deepFreeze(bandTable);
export const GIGS = deepFreeze(gigTable);
export const CHARTS = deepFreeze(chartTable);
export const NPC_BANDS = deepFreeze(npcTable);
export const ECONOMY = deepFreeze(economyTable);

function fail(file, message) {
  throw new Error(`data/${file}: ${message}`);
}

function num(file, path, value, { min = -Infinity, max = Infinity, integer = false } = {}) {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max
      || (integer && !Number.isInteger(value))) {
    fail(file, `${path} must be ${integer ? 'a whole number' : 'a number'}${min > -Infinity ? ` >= ${min}` : ''}`
      + `${max < Infinity ? ` <= ${max}` : ''}, not ${JSON.stringify(value)}`);
  }
}

function nums(file, prefix, object, keys, limits) {
  keys.forEach((k) => num(file, `${prefix}${k}`, object?.[k], limits));
}

function checkBands() {
  const f = 'bands.json';
  nums(f, 'band.', BANDS.band, ['maxMembers', 'nameMaxLength'], { min: 1, integer: true });
  num(f, 'band.startFame', BANDS.band.startFame, { min: 0 });
  if (!(ms(BANDS.band.inviteLasts) > 0)) fail(f, 'band.inviteLasts must be a duration like "1d"');
  nums(f, 'songs.', BANDS.songs, ['titleMaxLength', 'maxUnreleased'], { min: 1, integer: true });
  nums(f, 'songs.', BANDS.songs, ['energyCost', 'moodCost'], { min: 0 });
  const q = BANDS.songs.quality;
  nums(f, 'songs.quality.', q, ['base', 'perSongwritingLevel', 'perCreativityPoint', 'creativityBaseline', 'perMoodPoint',
    'moodBaseline', 'randomSpread'], { min: 0 });
  num(f, 'songs.quality.min', q.min, { min: 0 });
  num(f, 'songs.quality.max', q.max, { min: q.min });
  for (const [skill, xp] of Object.entries(BANDS.songs.xp)) {
    if (!(skill in SKILLS.skills)) fail(f, `songs.xp.${skill}: not a skill of skills.json`);
    num(f, `songs.xp.${skill}`, xp, { min: 0 });
  }
  const r = BANDS.releases;
  num(f, 'releases.epMinSongs', r.epMinSongs, { min: 2, integer: true });
  num(f, 'releases.epMaxSongs', r.epMaxSongs, { min: r.epMinSongs, integer: true });
  nums(f, 'releases.', r, ['singleHype', 'epHypePerSong', 'qualityHypeFactor'], { min: 0 });
}

function checkGigs() {
  const f = 'gigs.json';
  for (const [id, v] of Object.entries(GIGS.venues)) {
    if (typeof v.name !== 'string') fail(f, `venues.${id}.name must be text`);
    num(f, `venues.${id}.capacity`, v.capacity, { min: 1, integer: true });
    nums(f, `venues.${id}.`, v, ['minFame', 'fee', 'ticket'], { min: 0 });
  }
  const b = GIGS.booking;
  nums(f, 'booking.', b, ['maxDaysAhead', 'maxPending'], { min: 1, integer: true });
  num(f, 'booking.startHour', b.startHour, { min: 0, max: 23, integer: true });
  num(f, 'booking.endHour', b.endHour, { min: b.startHour + 1, max: 24, integer: true });
  const o = GIGS.outcome;
  o.instruments.forEach((s, i) => { if (!(s in SKILLS.skills)) fail(f, `outcome.instruments[${i}] '${s}' is not a skill`); });
  nums(f, 'outcome.', o, ['lineupBonusPerMember', 'lineupBonusMax', 'skillWeight', 'songWeight', 'moodWeight', 'energyWeight',
    'coverQuality', 'randomSpread', 'doorShare', 'playsPerFan'], { min: 0 });
  num(f, 'outcome.setlistSize', o.setlistSize, { min: 1, integer: true });
  num(f, 'outcome.memberShare', o.memberShare, { min: 0, max: 1 });
  nums(f, 'outcome.draw.', o.draw, ['base', 'perFame', 'perScore', 'randomSpread', 'min'], { min: 0 });
  nums(f, 'outcome.merch.', o.merch, ['perFan', 'price', 'scoreFactor'], { min: 0 });
  nums(f, 'outcome.fame.', o.fame, ['perFan', 'perScore'], { min: 0 });
  nums(f, 'outcome.xp.', o.xp, ['performance', 'instrument', 'perScore'], { min: 0 });
  nums(f, 'outcome.stress.', o.stress, ['burnout', 'energy', 'mood']);
}

function checkCharts() {
  const f = 'charts.json';
  num(f, 'size', CHARTS.size, { min: 1, max: 100, integer: true });
  num(f, 'hypeDecayPerDay', CHARTS.hypeDecayPerDay, { min: 0, max: 1 });
  num(f, 'weeklyDays', CHARTS.weeklyDays, { min: 1, max: 31, integer: true });
  nums(f, '', CHARTS, ['playWeight', 'fameWeight', 'qualityWeight', 'dropBelow'], { min: 0 });
}

function checkNpcBands() {
  const f = 'npc-bands.json';
  const r = NPC_BANDS.rules;
  num(f, 'rules.practiseGain', r.practiseGain, { min: 0 });
  num(f, 'rules.startCash', r.startCash, { min: 0 });
  num(f, 'rules.gigMood', r.gigMood, { min: 0, max: 100 });
  num(f, 'rules.gigEnergy', r.gigEnergy, { min: 0, max: 1 });
  num(f, 'rules.maxDaysWithoutRelease', r.maxDaysWithoutRelease, { min: 1, integer: true });
  num(f, 'rules.epChance', r.epChance, { min: 0, max: 1 });
  const seen = new Set();
  NPC_BANDS.bands.forEach((b, i) => {
    const at = `bands[${i}]`;
    if (!/^[a-z0-9-]+$/.test(b.id ?? '')) fail(f, `${at}.id must be lower-case letters, digits and '-'`);
    if (seen.has(b.id)) fail(f, `${at}.id '${b.id}' is used twice`);
    seen.add(b.id);
    if (typeof b.name !== 'string') fail(f, `${at}.name must be text`);
    num(f, `${at}.members`, b.members, { min: 1, integer: true });
    num(f, `${at}.fame`, b.fame, { min: 0 });
    nums(f, `${at}.`, b, ['skill', 'songwriting'], { min: 1, max: SKILLS.maxLevel });
    nums(f, `${at}.`, b, ['writeChance', 'releaseChance'], { min: 0, max: 1 });
    b.gigDays.forEach((d, j) => num(f, `${at}.gigDays[${j}]`, d, { min: 0, max: 6, integer: true }));
  });
  ['first', 'second'].forEach((k) => {
    if (!Array.isArray(NPC_BANDS.titles?.[k]) || NPC_BANDS.titles[k].length === 0) fail(f, `titles.${k} must list words`);
  });
}

function checkEconomy() {
  const f = 'economy.json';
  num(f, 'ledger.recentEntries', ECONOMY.ledger.recentEntries, { min: 1, max: 200, integer: true });
  const m = ECONOMY.market;
  nums(f, 'market.', m, ['stockWeight', 'demandWeight', 'driftPerDay', 'maxDrift', 'minPrice'], { min: 0 });
  num(f, 'market.demandDecayPerDay', m.demandDecayPerDay, { min: 0, max: 1 });
  num(f, 'market.sellSpread', m.sellSpread, { min: 0, max: 1 });
  for (const [season, tags] of Object.entries(m.seasons)) {
    if (!(season in EVENTS.seasons)) fail(f, `market.seasons.${season}: not a season of events.json`);
    for (const [tag, factor] of Object.entries(tags)) num(f, `market.seasons.${season}.${tag}`, factor, { min: 0 });
  }
  for (const [shop, s] of Object.entries(ECONOMY.shops)) {
    if (typeof s.name !== 'string') fail(f, `shops.${shop}.name must be text`);
    s.stock.forEach((line, i) => {
      const at = `shops.${shop}.stock[${i}]`;
      if (typeof line.template !== 'string' || !line.template.includes(':')) fail(f, `${at}.template must be an item template id`);
      num(f, `${at}.target`, line.target, { min: 1, integer: true });
      num(f, `${at}.max`, line.max, { min: line.target, integer: true });
      num(f, `${at}.restockPerDay`, line.restockPerDay, { min: 0 });
    });
  }
}

checkBands();
checkGigs();
checkCharts();
checkNpcBands();
checkEconomy();
