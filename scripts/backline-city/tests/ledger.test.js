// Script tests of the ledger (lib/ledger.js): every cash change is an entry with a reason, and the sum of
// balances changes only by the recorded sources and sinks.
import { BAR, MUSIC_SHOP, SCHOOL, joinAt, props, setSkill } from './places.js';

const books = (w, p) => props(w, p).ledger;
const cash = (w, p) => props(w, p).vitals.cash;

/** The world's books: sources minus sinks, by the totals the ledger keeps in the pack state. */
function net(w) {
  const t = w.state('ledger') ?? { sources: {}, sinks: {} };
  const sum = (m) => Object.values(m).reduce((a, b) => a + b, 0);
  return Math.round((sum(t.sources) - sum(t.sinks)) * 100) / 100;
}

function balanced(w, ids) {
  for (const id of ids) {
    const e = w.entity(id);
    const b = e.props.ledger;
    const balance = e.kind === 'player' ? e.props.vitals.cash : e.props.cash;
    w.expect(Math.round((b.in - b.out) * 100) / 100, `books of ${id}`).toBe(balance);
  }
}

export default (t) => {
  t.test('a new character opens an account with the starting cash as a source', (w) => {
    const ann = joinAt(w, 'Ann');
    w.expect(books(w, ann).entries[0]).toMatchObject({ amount: 50, reason: 'starting cash', kind: 'source', balance: 50 });
    w.expect(books(w, ann).out).toBe(0);
    w.expect(net(w)).toBe(cash(w, ann));
    balanced(w, [ann.id]);
  });

  t.test('wages, lessons and food are entries with their reasons', (w) => {
    const ann = joinAt(w, 'Ann', MUSIC_SHOP);
    ann.say('work 4');
    w.advance('4h');
    w.move(ann.id, BAR);
    ann.say('eat');
    w.move(ann.id, SCHOOL);
    setSkill(w, ann, 'guitar', 4);
    ann.say('learn guitar university 1');
    const reasons = books(w, ann).entries.map((e) => `${e.reason}:${e.amount}`);
    w.expect(reasons).toContain('wages:12');
    w.expect(reasons).toContain('eat:-8');
    w.expect(reasons).toContain('lessons:university:-25');
    w.expect(books(w, ann).entries.every((e) => typeof e.reason === 'string' && e.reason !== 'unspecified')).toBe(true);
    balanced(w, [ann.id]);
    w.expect(net(w)).toBe(cash(w, ann));
  });

  t.test('the sum of balances moves only by recorded sources and sinks, transfers move none', (w) => {
    const ann = joinAt(w, 'Ann', MUSIC_SHOP);
    const bob = joinAt(w, 'Bob', MUSIC_SHOP);
    ann.say('band create The Ledgers');
    ann.say('band invite Bob');
    bob.say('band join');
    ann.say('work 2');
    bob.say('work 3');
    w.advance('3h');
    const before = net(w);
    bob.say('band deposit 30');
    w.expect(net(w), 'a deposit creates no money').toBe(before);
    const band = w.entity('band:the-ledgers');
    w.expect(band.props.cash).toBe(30);
    w.expect(band.props.ledger.entries[0]).toMatchObject({ amount: 30, reason: 'band deposit', kind: 'transfer' });
    balanced(w, [ann.id, bob.id, band.id]);
    w.expect(net(w)).toBe(cash(w, ann) + cash(w, bob) + band.props.cash);
  });

  t.test('ledger shows your cash and its latest entries with their reasons', (w) => {
    const ann = joinAt(w, 'Ann', MUSIC_SHOP);
    ann.say('work 1');
    w.advance('1h');
    const text = ann.say('ledger');
    w.expect(text).toMatch(new RegExp(`^You have \\$${cash(w, ann)}\\.\nLatest entries:`));
    w.expect(text).toContain('+$50  starting cash');
    w.expect(text).toContain('+$12  wages');
    w.expect(ann.last('message').payload.entries.length).toBeGreaterThan(1);
  });

  t.test('a deposit you cannot afford changes nothing', (w) => {
    const ann = joinAt(w, 'Ann');
    ann.say('band create Broke');
    const had = cash(w, ann);
    w.expect(ann.say('band deposit 500')).toMatch(/You do not have \$500/);
    w.expect(cash(w, ann)).toBe(had);
    w.expect(w.entity('band:broke').props.cash).toBe(0);
    w.expect(ann.say('band deposit lots')).toMatch(/How much\?/);
  });
};
