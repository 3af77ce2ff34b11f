// Cash is a ledger. Every change of an account's cash goes through `post` or `transfer` here and leaves
// an entry with a reason; nothing else writes cash. An account is any entity holding cash: a player
// (their `vitals.cash`) or a band (`cash`). Each account keeps its running totals in and out and its
// latest entries (`ledger` property), and the pack's state store keeps the world's totals of sources
// (cash entering the world: wages, gig pay, starting cash) and sinks (lessons, food, shop purchases)
// by reason. Transfers between accounts (a player buying into a band, gig pay split to members) move
// cash without creating or destroying any, so they are in neither.
// Invariant, checked by `audit` and the tests: every account's balance equals its in minus its out, and
// the sum of all balances equals the sum of sources minus the sum of sinks.
import { ECONOMY } from './career-data.js';

const TOTALS = 'ledger';

function isPlayerAccount(entity) {
  return entity.kind === 'player';
}

/** An account's cash now; 0 for an entity without any. */
export function balanceOf(entity) {
  if (!entity) return 0;
  return (isPlayerAccount(entity) ? entity.props.vitals?.cash : entity.props.cash) ?? 0;
}

export function balance(id) {
  return balanceOf(game.entity(id));
}

function writeBalance(entity, amount) {
  if (isPlayerAccount(entity)) {
    game.setProp(entity.id, 'vitals', { ...entity.props.vitals, cash: amount });
  } else {
    game.setProp(entity.id, 'cash', amount);
  }
}

function round2(n) {
  return Math.round(n * 100) / 100;
}

// An account met for the first time with cash in it (a character from before the ledger existed)
// opens with that cash as a source, so its books balance from then on.
function booksOf(entity) {
  const books = entity.props.ledger;
  if (books) return { ...books }; // the view is read-only; addEntry changes this copy
  const opening = balanceOf(entity);
  const fresh = { in: 0, out: 0, entries: [] };
  if (opening !== 0) addEntry(entity, fresh, opening, 'opening balance', 'source', opening);
  return fresh;
}

function addEntry(entity, books, amount, reason, kind, balance) {
  if (amount > 0) books.in = round2(books.in + amount);
  else books.out = round2(books.out - amount);
  const entry = { at: game.now(), amount, reason, kind, balance };
  books.entries = [...books.entries, entry].slice(-ECONOMY.ledger.recentEntries);
  if (kind !== 'transfer') {
    const totals = game.state(TOTALS) ?? { sources: {}, sinks: {}, entries: 0 };
    const side = amount > 0 ? 'sources' : 'sinks';
    totals[side][reason] = round2((totals[side][reason] ?? 0) + Math.abs(amount));
    totals.entries += 1;
    game.setState(TOTALS, totals);
  }
  return entry;
}

function check(id, amount, reason) {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) throw new TypeError(`ledger: amount must be a finite number, not ${amount}`);
  if (typeof reason !== 'string' || reason.trim() === '') throw new TypeError('ledger: every cash change needs a reason');
  const entity = game.entity(id);
  if (!entity) throw new Error(`ledger: no account ${id}`);
  return entity;
}

function apply(entity, amount, reason, kind) {
  const books = booksOf(entity);
  const entry = addEntry(entity, books, amount, reason, kind, round2(balanceOf(entity) + amount));
  writeBalance(entity, entry.balance);
  game.setProp(entity.id, 'ledger', books);
  return entry;
}

/**
 * Adds (positive) or takes (negative) cash with a reason: a source or a sink of the world's money.
 * Returns the entry, or null (and changes nothing) when the account cannot pay that much. 0 does nothing.
 */
export function post(id, amount, reason) {
  const entity = check(id, amount, reason);
  const value = round2(amount);
  if (value === 0) return null;
  if (value < 0 && balanceOf(entity) + value < 0) return null;
  return apply(entity, value, reason, value > 0 ? 'source' : 'sink');
}

/** Moves cash between two accounts; returns false (and changes nothing) when `from` cannot pay it. */
export function transfer(from, to, amount, reason) {
  const payer = check(from, amount, reason);
  const payee = check(to, amount, reason);
  const value = round2(amount);
  if (value < 0) throw new RangeError('ledger: a transfer moves a positive amount');
  if (value === 0) return true;
  if (balanceOf(payer) < value) return false;
  apply(payer, -value, reason, 'transfer');
  apply(game.entity(payee.id), value, reason, 'transfer'); // as the payer's change left it, if it is the payer
  return true;
}

/** Records the cash a new account starts with (it is already in the balance) as a source. */
export function open(id, reason) {
  const entity = game.entity(id);
  if (!entity || entity.props.ledger) return;
  const books = { in: 0, out: 0, entries: [] };
  const amount = balanceOf(entity);
  if (amount !== 0) addEntry(entity, books, amount, reason, 'source', amount);
  game.setProp(id, 'ledger', books);
}

/** The world's sources and sinks by reason, and how many entries made them. */
export function totals() {
  const t = game.state(TOTALS) ?? { sources: {}, sinks: {}, entries: 0 };
  const sum = (m) => round2(Object.values(m).reduce((a, b) => a + b, 0));
  return { ...t, sourced: sum(t.sources), sunk: sum(t.sinks), net: round2(sum(t.sources) - sum(t.sinks)) };
}

/** An account's latest entries, oldest first. */
export function entries(id) {
  return game.entity(id)?.props.ledger?.entries ?? [];
}

/** Whether an account's balance equals its recorded in minus out: {balanced, balance, booked}. */
export function audit(id) {
  const entity = game.entity(id);
  const books = entity?.props.ledger ?? { in: 0, out: 0 };
  const booked = round2(books.in - books.out);
  const balance = balanceOf(entity);
  return { id, balanced: Math.abs(booked - balance) < 0.005, balance, booked };
}
