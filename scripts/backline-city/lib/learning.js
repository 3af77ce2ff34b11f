// Learning and practice (data/learning.json): which methods a skill's level allows, what a session
// yields in XP and costs in burnout, and what happens when it ends.
import { LEARNING, SKILLS } from './data.js';
import { hoursText, ms } from './time.js';
import { addXp, changeVitals, character, statValue, vital, xpToNext } from './character.js';
import { activeModifiers, factor, round1 } from './modifiers.js';
import { rollEvents } from './events.js';
import { wearInstruments } from './items.js';

/** Finds a learning method by id, name or alias; null if none. */
export function findMethod(word) {
  const w = (word ?? '').toLowerCase();
  if (w === '') return null;
  for (const [id, m] of Object.entries(LEARNING.methods)) {
    if (id === w || m.name.toLowerCase() === w || (m.aliases ?? []).includes(w)) return id;
  }
  return null;
}

/** The band of the learning table for a skill level: {levels, rate, risk, methods}. */
export function bandFor(level) {
  return LEARNING.bands.find((b) => level >= b.levels[0] && level <= b.levels[1]);
}

export function bandOfMethod(method) {
  return LEARNING.bands.find((b) => b.methods.includes(method));
}

/** The row of the practice-hours table for a session of `hours` in all. */
export function hoursRow(hours) {
  return LEARNING.hours.find((row) => row.upTo === null || hours <= row.upTo);
}

/** Burnout the table charges for a session of `hours` in all (0 for no session). */
function burnoutFor(hours) {
  return hours > 0 ? hoursRow(hours).burnout : 0;
}

/** The XP factor of the burnout tiers: the highest tier reached applies. */
export function burnoutXpFactor(burnout) {
  let factor = 1;
  let warning = null;
  for (const tier of LEARNING.burnoutTiers) {
    if (burnout >= tier.atLeast) {
      factor = tier.xp;
      warning = tier.warning;
    }
  }
  return { factor, warning };
}

/**
 * Hours already spent learning in the current session: a new session starts when more than
 * `sessionGap` has passed since the last one ended, or after rest or sleep.
 */
export function sessionHours(id) {
  const session = game.prop(id, 'session');
  if (!session || game.now() - session.endedAt > ms(LEARNING.sessionGap)) return 0;
  return session.hours;
}

export function endSession(id) {
  game.setProp(id, 'session', null);
}

/**
 * XP and burnout of `hours` more of learning after `prior` hours in the same session:
 * XP = xpPerHour × hours × stat bonus × method rate × hours modifier × lifestyle modifiers, and burnout
 * rises by the hours table (for the session so far) times the method's risk.
 */
export function outcome(id, { skill, hours, prior, rate, risk }) {
  const me = character(id);
  const modifiers = activeModifiers(me);
  const stat = statValue(me, SKILLS.skills[skill].stat, modifiers);
  const statBonus = Math.max(0, 1 + (stat - LEARNING.statBaseline) * LEARNING.statBonusPerPoint);
  const row = hoursRow(prior + hours);
  const lifestyle = factor('xp', modifiers) * burnoutXpFactor(me.props.vitals.burnout).factor;
  const xp = Math.round(LEARNING.xpPerHour * hours * statBonus * rate * row.xp * lifestyle);
  const burnout = round1((burnoutFor(prior + hours) - burnoutFor(prior)) * LEARNING.risks[risk]);
  return { xp, burnout, hoursModifier: row.xp, lifestyle: round1(lifestyle * 100) / 100 };
}

/** What learning a method (or practising, with method null) costs and yields, from the tables. */
export function terms(method) {
  if (!method) {
    const p = LEARNING.practice;
    return { rate: p.rate, risk: p.risk, energyPerHour: p.energyPerHour, cashPerHour: 0, doing: p.doing };
  }
  const m = LEARNING.methods[method];
  const band = bandOfMethod(method);
  return { rate: band.rate, risk: band.risk, energyPerHour: m.energyPerHour, cashPerHour: m.cashPerHour ?? 0,
           doing: m.doing };
}

/** The activity kind of learning and practice (see activity.js). */
export const learning = {
  finish(id, busy, hours, stopped) {
    const { skill, method, prior, energyPerHour } = busy.data;
    const t = terms(method);
    const verb = method ? `learning ${skill} from ${LEARNING.methods[method].name}` : `practising ${skill}`;
    if (stopped && hours < busy.hours) {
      // Energy for the hours not spent comes back; money paid for lessons does not.
      changeVitals(id, { energy: (busy.hours - hours) * energyPerHour });
    }
    if (hours === 0) {
      game.tell(id, `You stop ${verb}. It was not long enough to learn anything.`);
      return;
    }
    const result = outcome(id, { skill, hours, prior, rate: t.rate, risk: t.risk });
    const gained = addXp(id, skill, result.xp);
    const burnout = changeVitals(id, { burnout: result.burnout });
    game.setProp(id, 'session', { hours: prior + hours, endedAt: game.now() });
    const next = xpToNext(gained.level);
    const lines = [`You ${stopped ? 'stop' : 'finish'} ${verb} after ${hoursText(hours)}: +${result.xp} XP `
      + `(${skill} ${gained.level}${next === null ? ', mastered' : `: ${gained.xp}/${next} XP`}).`];
    if (burnout.burnout) lines.push(`Burnout +${burnout.burnout}% (now ${vital(id, 'burnout')}%).`);
    if (gained.levelsGained > 0) lines.push(`Your ${skill} is now level ${gained.level}!`);
    const warning = burnoutXpFactor(vital(id, 'burnout')).warning;
    if (warning && burnout.burnout) lines.push(warning);
    game.tell(id, lines.join(' '), { skill, xp: result.xp, level: gained.level, burnout: burnout.burnout ?? 0, hours });
    wearInstruments(id, skill, hours, LEARNING.instrumentWearPerHour);
    rollEvents('session', id, { activity: method ? 'learn' : 'practice', skill, hours: prior + hours });
  },
};
