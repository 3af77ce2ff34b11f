// The daily loop (data/daily.json): login streaks, the day's challenges, weekly milestones and the
// season's reward track. The day's challenges are drawn once per game day by the daily reset (resets.js)
// and kept in the pack state (`challenges`); each player's progress is kept on them, keyed by day, week and
// season, so it starts over by itself when those change, also for players who were away.
import { DAILY } from './living-data.js';
import { fires } from './triggers.js';
import { grant } from './rewards.js';
import { notify } from './inbox.js';
import { today } from './calendar.js';
import { note } from './notes.js';
import { roll } from './world-dice.js';

const CHALLENGES = 'challenges';

/**
 * Draws the challenges of `day` with the world's dice (world-dice.js: the same day always draws the same):
 * `perDay` of the pool, none of which was drawn the day before, so consecutive days always differ.
 * Stored in the pack state.
 */
// The ids drawn for a day, if that is the day the pack state remembers (a day nobody saw drew nothing).
function drawFor(day) {
  const stored = game.state(CHALLENGES);
  return stored && stored.day === day ? stored.ids : [];
}

export function drawChallenges(day) {
  const yesterday = drawFor(day - 1);
  const candidates = DAILY.challenges.pool.map((c) => c.id).filter((id) => !yesterday.includes(id));
  const ids = [];
  while (ids.length < DAILY.challenges.perDay) {
    ids.push(candidates.splice(Math.floor(roll(`challenges:${day}:${ids.length}`) * candidates.length), 1)[0]);
  }
  game.setState(CHALLENGES, { day, ids });
  return ids;
}

/** Today's challenges (drawn now if the reset has not drawn them yet). */
export function todaysChallenges(cal = today()) {
  const stored = game.state(CHALLENGES);
  const ids = stored && stored.day === cal.day ? stored.ids : drawChallenges(cal.day);
  return ids.map((id) => DAILY.challenges.pool.find((c) => c.id === id)).filter(Boolean);
}

function seasonKey(cal) {
  return `${cal.season}-${cal.year}`;
}

/** The player's loop state for now, started over where the day, week or season changed. */
function loopOf(player, cal) {
  const loop = game.prop(player, 'loop') ?? {};
  return {
    streak: loop.streak ?? { day: null, count: 0, best: 0 },
    daily: loop.daily?.day === cal.day ? loop.daily : { day: cal.day, done: [] },
    weekly: loop.weekly?.week === cal.week ? loop.weekly : { week: cal.week, points: 0, reached: 0 },
    track: loop.track?.key === seasonKey(cal) ? loop.track : { key: seasonKey(cal), points: 0, tier: 0 },
  };
}

/**
 * Counts a visit today towards the login streak: the day after the last visit adds one, a missed day
 * starts over at 1, another visit the same day does nothing. Pays the streak day's cash. Returns the
 * streak count, or null if today was counted already.
 */
export function visit(player, cal = today()) {
  const loop = loopOf(player, cal);
  if (loop.streak.day === cal.day) return null;
  const count = loop.streak.day === cal.day - 1 ? loop.streak.count + 1 : 1;
  loop.streak = { day: cal.day, count, best: Math.max(loop.streak.best, count) };
  game.setProp(player, 'loop', loop);
  const cash = DAILY.streak.cash[Math.min(count, DAILY.streak.cash.length) - 1];
  const parts = grant(player, { cash }, 'login streak');
  const next = DAILY.streak.cash[Math.min(count + 1, DAILY.streak.cash.length) - 1];
  const text = `Day ${count} of your login streak${parts.length > 0 ? `: ${parts.join(', ')}` : ''}. `
    + `Come back tomorrow${next > 0 ? ` for $${next}` : ''}; a missed day starts over.`;
  note(player, 'daily', text, { streak: loop.streak });
  notify(player, text);
  return count;
}

// Points from a challenge: weekly milestones and track tiers newly reached pay their rewards.
function score(player, loop, points) {
  const texts = [];
  loop.weekly = { ...loop.weekly, points: loop.weekly.points + points };
  loop.track = { ...loop.track, points: loop.track.points + points };
  const milestones = DAILY.weekly.milestones;
  const tiers = DAILY.track.tiers;
  const rewards = [];
  while (loop.weekly.reached < milestones.length && loop.weekly.points >= milestones[loop.weekly.reached].points) {
    rewards.push({ what: `Weekly milestone ${loop.weekly.reached + 1} (${milestones[loop.weekly.reached].points} points)`, reward: milestones[loop.weekly.reached].reward, reason: 'weekly milestone' });
    loop.weekly.reached += 1;
  }
  while (loop.track.tier < tiers.length && loop.track.points >= tiers[loop.track.tier].points) {
    rewards.push({ what: `Reward track tier ${tiers[loop.track.tier].tier}`, reward: tiers[loop.track.tier].reward, reason: 'reward track' });
    loop.track.tier += 1;
  }
  game.setProp(player, 'loop', loop);
  for (const r of rewards) {
    texts.push(`${r.what} reached! Reward: ${grant(player, r.reward, r.reason).join(', ')}.`);
  }
  return texts;
}

/** Something happened (triggers.js `happened`): today's challenges it fires are done and score. */
export function challengeEvent(player, event) {
  const cal = today();
  const loop = loopOf(player, cal);
  const done = todaysChallenges(cal).filter((c) => !loop.daily.done.includes(c.id) && fires(c.trigger, event));
  if (done.length === 0) return;
  loop.daily = { ...loop.daily, done: [...loop.daily.done, ...done.map((c) => c.id)] };
  const points = done.reduce((sum, c) => sum + c.points, 0);
  const texts = [`Daily challenge done: ${done.map((c) => c.text).join(' ')} (+${points} points)`, ...score(player, loop, points)];
  note(player, 'daily', texts.join('\n'), { challenges: done.map((c) => c.id), points });
  texts.slice(1).forEach((t) => notify(player, t));
}

/** What the `daily` command shows, as text and payload. */
export function dailyView(player) {
  const cal = today();
  const loop = loopOf(player, cal);
  const challenges = todaysChallenges(cal).map((c) => ({ id: c.id, text: c.text, points: c.points, done: loop.daily.done.includes(c.id) }));
  const nextMilestone = DAILY.weekly.milestones[loop.weekly.reached] ?? null;
  const nextTier = DAILY.track.tiers[loop.track.tier] ?? null;
  const lines = [
    `Login streak: ${loop.streak.count} day${loop.streak.count === 1 ? '' : 's'} (best ${loop.streak.best}).`,
    `Today's challenges (day ${cal.day}):`,
    ...challenges.map((c) => `  [${c.done ? 'x' : ' '}] ${c.text} (${c.points} points)`),
    `This week: ${loop.weekly.points} points${nextMilestone ? `; next milestone at ${nextMilestone.points}` : '; every milestone reached'}.`,
    `Reward track (${cal.season}): tier ${loop.track.tier}, ${loop.track.points} points${nextTier ? `; tier ${nextTier.tier} at ${nextTier.points}` : '; top tier'}.`,
  ];
  return { text: lines.join('\n'), payload: { day: cal.day, streak: loop.streak, challenges, week: loop.weekly, track: loop.track } };
}
