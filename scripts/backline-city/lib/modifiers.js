// What changes a character's numbers for a while: active effects and equipped items. Each modifier is
// {target, flat?, percent?} (see data/effects.json and the item templates in world-data), scaled by the
// magnitude of its effect or the condition of its item.
import { EFFECTS, ITEMS } from './data.js';

// Templates change only when world data is loaded (at start-up), so their properties are kept here
// after the first read; a reload of the pack starts afresh.
const templates = new Map();

/** A template's properties, or null if there is no such template. */
export function templateProps(id) {
  if (!templates.has(id)) {
    const template = game.entity(id);
    templates.set(id, template ? template.props : null);
  }
  return templates.get(id);
}

/** The properties of an item: its template's, overridden by its own. */
export function itemProps(item) {
  const template = item.template ? templateProps(item.template) : null;
  return template ? { ...template, ...item.props } : item.props;
}

/** How strongly an item's modifiers apply: in full, or reduced while its condition is poor, none when broken. */
export function conditionFactor(props) {
  const condition = props.condition ?? 100;
  if (condition <= 0) return 0;
  return condition < ITEMS.poorCondition ? ITEMS.poorFactor : 1;
}

/** Every modifier acting on the player now, each with its source and scale. */
export function activeModifiers(player) {
  const list = [];
  const effects = player.props.effects ?? {};
  const now = game.now();
  for (const [id, active] of Object.entries(effects)) {
    const def = EFFECTS[id];
    if (!def || active.until <= now) continue;
    for (const m of def.modifiers ?? []) list.push({ ...m, scale: active.magnitude, source: def.name });
  }
  for (const item of game.contents(player.id, 'item')) {
    if (!item.props.equipped) continue;
    const props = itemProps(item);
    const factor = conditionFactor(props);
    for (const m of props.modifiers ?? []) list.push({ ...m, scale: factor, source: props.name ?? item.id });
  }
  return list;
}

/** `base` changed by the modifiers aimed at `target`: flat ones added, then percentages applied. */
export function apply(base, target, modifiers) {
  let flat = 0;
  let percent = 0;
  for (const m of modifiers) {
    if (m.target !== target) continue;
    flat += (m.flat ?? 0) * m.scale;
    percent += (m.percent ?? 0) * m.scale;
  }
  return round1((base + flat) * Math.max(0, 1 + percent / 100));
}

/** The multiplier the modifiers aimed at `target` make, unrounded (for XP): (1 + flat) × (1 + percent / 100). */
export function factor(target, modifiers) {
  let flat = 0;
  let percent = 0;
  for (const m of modifiers) {
    if (m.target !== target) continue;
    flat += (m.flat ?? 0) * m.scale;
    percent += (m.percent ?? 0) * m.scale;
  }
  return Math.max(0, (1 + flat) * (1 + percent / 100));
}

export function round1(x) {
  return Math.round(x * 10) / 10;
}
