// Small text helpers shared by the pack's commands.
import { templateProps } from './modifiers.js';

/**
 * Compares two texts for sorting as a reader expects (case and accents after letters). One collator for the
 * pack: `a.localeCompare(b)` builds a new one on every call.
 */
export const compareText = new Intl.Collator('en').compare;

/** "a", "a and b", "a, b and c" */
export function listing(items) {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function capitalize(text) {
  return text.length === 0 ? text : text[0].toUpperCase() + text.slice(1);
}

/** The display name of any entity: its name property, else its template's, else the last part of its id. */
export function nameOf(entity) {
  if (!entity) return 'someone';
  const template = entity.props.name === undefined && entity.template ? templateProps(entity.template) : null;
  return entity.props.name ?? template?.name ?? entity.id.slice(entity.id.indexOf(':') + 1);
}
