// Effects: buffs, debuffs and effects over time (data/effects.json). Each active effect is kept in the
// player's `effects` property with its magnitude, when it ends and when it next ticks. One named timer
// per player wakes at the next tick or expiry; a sequence number makes older timers harmless, and since
// timers do not survive a restart, logging in catches up (`resumeEffects`).
import { EFFECTS } from './data.js';
import { ms, formatDuration } from './time.js';
import { changeVitals, syncStats } from './character.js';

export const EFFECTS_TIMER = 'effects';

function effectsOf(id) {
  return { ...(game.prop(id, 'effects') ?? {}) };
}

function scaled(changes, magnitude) {
  return Object.fromEntries(Object.entries(changes ?? {}).map(([k, v]) => [k, v * magnitude]));
}

/** The active effects, soonest to end first: [{id, def, magnitude, until, remaining}]. */
export function activeEffects(id) {
  const now = game.now();
  return Object.entries(game.prop(id, 'effects') ?? {})
    .filter(([effect, e]) => EFFECTS[effect] && e.until > now)
    .map(([effect, e]) => ({ id: effect, def: EFFECTS[effect], magnitude: e.magnitude, until: e.until, remaining: e.until - now }))
    .sort((a, b) => a.until - b.until);
}

export function hasEffect(id, effect) {
  const e = (game.prop(id, 'effects') ?? {})[effect];
  return Boolean(e && e.until > game.now());
}

function tell(id, text) {
  if (text && game.isOnline(id)) game.tell(id, text);
}

/**
 * Starts an effect, or applies it again by its stacking rule: `refresh` restarts its duration (keeping
 * the larger magnitude), `stack` adds the magnitudes up to `maxMagnitude` and restarts the duration,
 * `extend` adds the duration up to `maxDuration`, `ignore` leaves the running one alone.
 * @returns what happened: 'started', 'refreshed', 'stacked', 'extended' or 'ignored'
 */
export function addEffect(id, effect, { magnitude = 1, text } = {}) {
  const def = EFFECTS[effect];
  if (!def) throw new Error(`unknown effect '${effect}'`);
  const now = game.now();
  const duration = ms(def.duration);
  const effects = effectsOf(id);
  const old = effects[effect] && effects[effect].until > now ? effects[effect] : null;
  const max = def.maxMagnitude ?? Infinity;
  let result;
  if (!old) {
    effects[effect] = { magnitude: Math.min(max, magnitude), started: now, until: now + duration,
                        nextTick: def.tick ? now + ms(def.tick) : null };
    result = 'started';
  } else if (def.stacking === 'ignore') {
    return 'ignored';
  } else if (def.stacking === 'stack') {
    effects[effect] = { ...old, magnitude: Math.min(max, old.magnitude + magnitude), until: now + duration };
    result = 'stacked';
  } else if (def.stacking === 'extend') {
    const limit = def.maxDuration ? now + ms(def.maxDuration) : Infinity;
    effects[effect] = { ...old, until: Math.min(limit, old.until + duration) };
    result = 'extended';
  } else {
    effects[effect] = { ...old, magnitude: Math.max(old.magnitude, magnitude), until: now + duration };
    result = 'refreshed';
  }
  game.setProp(id, 'effects', effects);
  if (result === 'started' && def.onStart) changeVitals(id, scaled(def.onStart, magnitude), `effect:${effect}`);
  const shown = effects[effect];
  const suffix = result === 'started' ? '' : ` (${def.name}${shown.magnitude > 1 ? ` ×${shown.magnitude}` : ''}, `
    + `${formatDuration(shown.until - now)} left)`;
  tell(id, `${text ? `${text} ` : ''}${def.start}${suffix}`);
  schedule(id);
  return result;
}

/** Ends an effect now, with its end message (and what follows it, like a hangover after drinking). */
export function endEffect(id, effect) {
  const effects = effectsOf(id);
  const e = effects[effect];
  if (!e || e.until <= game.now()) return false;
  effects[effect] = { ...e, until: game.now() };
  game.setProp(id, 'effects', effects);
  processEffects(id);
  return true;
}

/** Applies the ticks that are due and ends the effects whose time is up, then wakes again when needed. */
export function processEffects(id) {
  const now = game.now();
  const effects = effectsOf(id);
  const ended = [];
  let changed = false;
  for (const [effect, e] of Object.entries(effects)) {
    const def = EFFECTS[effect];
    if (!def) {                     // taken out of the data by live-ops: it ends quietly
      delete effects[effect];
      changed = true;
      continue;
    }
    if (def.tick && e.nextTick !== null) {
      const step = ms(def.tick);
      let next = e.nextTick;
      let ticks = 0;
      while (next <= now && next <= e.until) {
        ticks += 1;
        next += step;
      }
      if (ticks > 0) {
        changeVitals(id, scaled(def.perTick, e.magnitude * ticks), `effect:${effect}`);
        effects[effect] = { ...e, nextTick: next };
        changed = true;
      }
    }
    if (e.until <= now) {
      delete effects[effect];
      ended.push({ effect, def, magnitude: e.magnitude });
      changed = true;
    }
  }
  if (changed) game.setProp(id, 'effects', effects);
  for (const { def, magnitude } of ended) {
    tell(id, def.end);
    if (def.then && magnitude >= (def.then.minMagnitude ?? 1)) addEffect(id, def.then.effect);
  }
  schedule(id);
}

function schedule(id) {
  const effects = game.prop(id, 'effects') ?? {};
  let next = Infinity;
  for (const e of Object.values(effects)) {
    next = Math.min(next, e.until, e.nextTick !== null && e.nextTick <= e.until ? e.nextTick : Infinity);
  }
  if (next === Infinity) return;     // a timer still pending finds nothing to do
  const seq = (game.prop(id, 'effectsSeq') ?? 0) + 1;
  game.setProp(id, 'effectsSeq', seq);
  game.after(Math.max(1, next - game.now()), EFFECTS_TIMER, { player: id, seq });
}

export function onEffectsTimer(data) {
  if (!game.entity(data.player) || game.prop(data.player, 'effectsSeq') !== data.seq) return;
  processEffects(data.player);
  syncStats(data.player);
}

/** After a restart the timers are gone: catch up on what is due and wake again. */
export function resumeEffects(id) {
  processEffects(id);
}
