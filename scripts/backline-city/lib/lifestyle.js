// Lifestyle (data/lifestyle.json): sleeping, resting and working take game time and change vitals hour
// by hour; eating and drinking are immediate. Stress from work (and, later, gigs) raises burnout.
import { LIFESTYLE } from './data.js';
import { hoursText } from './time.js';
import { changeVitals, vital } from './character.js';
import { addEffect, endEffect } from './effects.js';
import { endSession } from './learning.js';

function scaled(changes, times) {
  return Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v * times]));
}

/** "energy +24, burnout -8%" */
export function describeChanges(applied) {
  return Object.entries(applied)
    .map(([k, v]) => (k === 'cash' ? `cash ${v >= 0 ? '+' : '-'}$${Math.abs(v)}` : `${k} ${v >= 0 ? '+' : ''}${v}${k === 'burnout' ? '%' : ''}`))
    .join(', ');
}

function hourly(key, { done, stopped }) {
  return {
    step(id, busy, from, to) {
      changeVitals(id, scaled(LIFESTYLE[key].perHour, to - from), key === 'work' ? 'wages' : key);
    },
    finish(id, busy, hours, wasStopped) {
      const before = busy.data.before ?? {};
      const now = {};
      for (const k of Object.keys(LIFESTYLE[key].perHour)) now[k] = Math.round((vital(id, k) - (before[k] ?? 0)) * 10) / 10;
      const changes = describeChanges(Object.fromEntries(Object.entries(now).filter(([, v]) => v !== 0)));
      const text = (wasStopped ? stopped : done)(hours);
      game.tell(id, `${text}${changes ? ` (${changes})` : ''}`, { activity: key, hours });
      if (key !== 'work') endSession(id);
      after[key]?.(id, hours);
    },
  };
}

const after = {
  sleep(id, hours) {
    for (const effect of LIFESTYLE.sleep.ends ?? []) endEffect(id, effect);
    const rested = LIFESTYLE.sleep.wellRested;
    if (rested && hours >= rested.minHours) addEffect(id, rested.effect);
  },
};

export const sleep = hourly('sleep', {
  done: (h) => `You wake up after ${hoursText(h)} of sleep.`,
  stopped: (h) => (h > 0 ? `You get up after ${hoursText(h)} of sleep.` : 'You get up again without having slept.'),
});

export const rest = hourly('rest', {
  done: (h) => `You feel rested after ${hoursText(h)}.`,
  stopped: (h) => (h > 0 ? `You stop resting after ${hoursText(h)}.` : 'You stop resting.'),
});

export const work = hourly('work', {
  done: (h) => `Your shift is over after ${hoursText(h)}.`,
  stopped: (h) => (h > 0 ? `You leave your shift early, after ${hoursText(h)}.` : 'You leave your shift before it starts.'),
});

/** The vitals now, for the summary at the end of an activity. */
export function vitalsNow(id, key) {
  return Object.fromEntries(Object.keys(LIFESTYLE[key].perHour).map((k) => [k, vital(id, k)]));
}

/** Stress from work or a gig: burnout rises, mood falls. For other parts of the pack to call. */
export function addStress(id, amount) {
  return changeVitals(id, { burnout: amount, mood: -amount / 2 });
}

