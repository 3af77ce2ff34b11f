// Items: instances (kind "item") of the templates in world-data/items/*.yaml. An item lies in a room or
// is carried by a player (its container); `owner` says whose it is, `equipped` in which slot it is
// worn, `condition` how worn it is. What a template's properties mean is documented at the top of
// world-data/items/instruments.yaml.
import { ITEMS } from './data.js';
import { itemProps } from './modifiers.js';

const ARTICLES = /^(a|an|the|some|my|your|one)\s+/;

/** An item as the commands use it: its entity, its properties merged over its template's, its name. */
export function describe(entity) {
  const props = itemProps(entity);
  return { id: entity.id, entity, props, name: props.name ?? entity.id };
}

export function carried(playerId) {
  return game.contents(playerId, 'item').map(describe);
}

export function onFloor(roomId) {
  return game.contents(roomId, 'item').map(describe);
}

function words(text) {
  return text.toLowerCase().replace(ARTICLES, '').split(/\s+/).filter(Boolean);
}

/**
 * The item among `items` that `typed` names: its whole name (articles aside), a keyword, or words that
 * begin the words of its name ("batt tele"). Exact names win over keywords, keywords over prefixes.
 */
export function findItem(items, typed) {
  const wanted = words(typed ?? '');
  if (wanted.length === 0) return null;
  const joined = wanted.join(' ');
  const nameWords = (item) => words(item.name);
  const byName = items.find((i) => nameWords(i).join(' ') === joined);
  if (byName) return byName;
  const byKeyword = items.find((i) => wanted.length === 1 && (i.props.keywords ?? []).includes(joined));
  if (byKeyword) return byKeyword;
  return items.find((i) => {
    const pool = [...nameWords(i), ...(i.props.keywords ?? [])];
    return wanted.every((w) => pool.some((p) => p.startsWith(w)));
  }) ?? null;
}

export function slotOf(item) {
  return item.props.slot && ITEMS.slots[item.props.slot] ? item.props.slot : null;
}

/** Whether the player already carries an item of a unique template like `item`'s. */
export function holdsUnique(playerId, item) {
  return Boolean(item.props.unique) && carried(playerId).some((c) => c.entity.template === item.entity.template);
}

export function canCarryMore(playerId) {
  return carried(playerId).length < ITEMS.carryLimit;
}

/** "guitar +2, performance +1, XP +10%" */
export function modifiersText(props) {
  return (props.modifiers ?? []).map((m) => {
    const target = m.target === 'xp' ? 'XP' : m.target;
    return m.percent !== undefined ? `${target} ${m.percent > 0 ? '+' : ''}${m.percent}%` : `${target} ${m.flat > 0 ? '+' : ''}${m.flat}`;
  }).join(', ');
}

export function conditionText(props) {
  const c = props.condition ?? 100;
  if (c <= 0) return 'broken';
  if (c < ITEMS.poorCondition) return `in poor shape, ${c}%`;
  return `condition ${c}%`;
}

/**
 * Wears down the equipped instruments for `skill` after `hours` of playing, telling the player when one
 * gets into poor shape or breaks.
 */
export function wearInstruments(playerId, skill, hours, perHour) {
  for (const item of carried(playerId)) {
    if (!item.entity.props.equipped || item.props.skill !== skill) continue;
    const before = item.props.condition ?? 100;
    const after = Math.max(0, Math.round((before - perHour * hours) * 10) / 10);
    if (after === before) continue;
    game.setProp(item.id, 'condition', after);
    if (after <= 0 && before > 0) {
      game.tell(playerId, `Your ${item.name.replace(ARTICLES, '')} is broken: it no longer helps until it is mended.`);
    } else if (after < ITEMS.poorCondition && before >= ITEMS.poorCondition) {
      game.tell(playerId, `Your ${item.name.replace(ARTICLES, '')} is in poor shape and helps only half as much.`);
    }
  }
}
