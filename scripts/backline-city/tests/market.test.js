// Script tests of the shops and the market (commands/shop.js, lib/market.js, data/economy.json).
import { LIVE_ROOM, MUSIC_SHOP, joinAt, props, setVitals } from './places.js';
import { ECONOMY, GIGS } from '../lib/career-data.js';
import { nextDay, quote, tagsFactor } from '../lib/market.js';

const M = ECONOMY.market;
const line = (shop, template) => ECONOMY.shops[shop].stock.find((l) => l.template === template);
const priceIn = (payload, template) => payload.items.find((i) => i.template === template);

export default (t) => {
  t.test('every shop, stocked template and venue of the data exists in the world', (w) => {
    for (const [shop, def] of Object.entries(ECONOMY.shops)) {
      w.expect(w.entity(shop)?.kind, shop).toBe('room');
      def.stock.forEach((l) => w.expect(w.entity(l.template)?.kind, l.template).toBe('item-template'));
    }
    for (const venue of Object.keys(GIGS.venues)) w.expect(w.entity(venue)?.kind, venue).toBe('room');
  });

  t.test('shop lists the stock at today\'s prices with the agreed payload', (w) => {
    const ann = joinAt(w, 'Ann');
    w.expect(ann.say('shop')).toBe('There is no shop here.');
    w.move(ann.id, MUSIC_SHOP);
    w.expect(ann.say('list')).toMatch(/^Second Verse Music sells:/);
    const p = ann.last('shop').payload;
    w.expect(p.shop).toEqual({ id: MUSIC_SHOP, name: 'Second Verse Music' });
    w.expect(p.sellSpread).toBe(M.sellSpread);
    w.expect(priceIn(p, 'amps:practice-amp')).toMatchObject({ name: 'a ten-watt practice amp', price: 80, stock: 3 });
  });

  t.test('buying costs the price, makes the item yours, and the next one costs more', (w) => {
    const ann = joinAt(w, 'Ann', MUSIC_SHOP);
    setVitals(w, ann, { cash: 0 });
    w.expect(ann.say('buy metronome')).toMatch(/costs \$35 and you have \$0/);
    w.expect(w.contents(ann.id, 'item')).toHaveLength(0);
    setVitals(w, ann, { cash: 500 });
    w.expect(ann.say('buy metronome')).toBe('You buy a clockwork metronome for $35.');
    w.expect(props(w, ann).vitals.cash).toBe(465);
    const items = w.contents(ann.id, 'item');
    w.expect(items.map((i) => i.template)).toEqual(['gear:metronome']);
    w.expect(items[0].props.owner).toBe(ann.id);
    ann.say('shop');
    const next = priceIn(ann.last('shop').payload, 'gear:metronome');
    w.expect(next.stock).toBe(3);
    w.expect(next.price).toBeGreaterThan(35);
    w.expect(props(w, ann).ledger.entries.map((e) => e.reason)).toContain('purchase');
    w.expect(ann.say('buy unicorn')).toMatch(/don't sell 'unicorn'/);
  });

  t.test('selling back pays the spread of today\'s price, only where they deal in it', (w) => {
    const ann = joinAt(w, 'Ann', MUSIC_SHOP);
    setVitals(w, ann, { cash: 500 });
    ann.say('buy drumsticks');
    ann.say('shop');
    const price = priceIn(ann.last('shop').payload, 'instruments:hickory-drumsticks').price;
    const cash = props(w, ann).vitals.cash;
    w.expect(ann.say('sell drumsticks')).toMatch(/^You sell a pair of hickory drumsticks for \$\d+\.$/);
    w.expect(props(w, ann).vitals.cash).toBe(cash + Math.floor(price * M.sellSpread));
    w.expect(w.contents(ann.id, 'item')).toHaveLength(0);
    w.move(ann.id, LIVE_ROOM);
    const sticks = w.contents(LIVE_ROOM, 'item').find((i) => i.template === 'instruments:hickory-drumsticks');
    if (sticks) {
      ann.say('get drumsticks');
      w.move(ann.id, 'downtown:record-store');
      w.expect(ann.say('sell drumsticks')).toMatch(/does not deal in/);
    }
    w.expect(ann.say('sell nothing')).toMatch(/There is no shop here|You don't have/);
  });

  t.test('prices over a season: demand raises them, restocking and time bring them back, seasons shift them', (w) => {
    const amp = line(MUSIC_SHOP, 'amps:practice-amp');
    let state = { stock: amp.target, demand: 0, drift: 0 };
    const base = 80;
    w.expect(quote(base, amp, state, 1)).toBe(base);
    // A run on amps: three bought in a day.
    for (let i = 0; i < 3; i += 1) state = { ...state, stock: state.stock - 1, demand: state.demand + 1 };
    const peak = quote(base, amp, state, 1);
    w.expect(peak).toBeGreaterThan(base * 1.3);
    // A season of quiet days (91): stock back at target, demand faded, drift within its bounds.
    const prices = [];
    let r = 0.37;
    for (let day = 0; day < 91; day += 1) {
      r = (r * 9301 + 49297) % 233280 / 233280;
      state = nextDay(amp, state, r);
      prices.push(quote(base, amp, state, 1));
      w.expect(Math.abs(state.drift)).toBeLessThanOrEqual(M.maxDrift);
    }
    w.expect(state.stock).toBe(amp.target);
    w.expect(state.demand).toBeLessThan(0.01);
    w.expect(prices[prices.length - 1]).toBeLessThan(peak);
    w.expect(Math.min(...prices)).toBeGreaterThanOrEqual(Math.floor(base * (1 - M.maxDrift)));
    w.expect(Math.max(...prices.slice(30))).toBeLessThanOrEqual(Math.ceil(base * (1 + M.maxDrift)));
    // Seasons: painkillers cost more in winter, drinks more in summer, by the data's factors.
    w.expect(tagsFactor(['medicine'], 'winter')).toBe(M.seasons.winter.medicine);
    w.expect(tagsFactor(['drink'], 'summer')).toBe(M.seasons.summer.drink);
    w.expect(tagsFactor(['amp'], 'summer')).toBe(1);
    const pills = line('downtown:record-store', 'consumables:painkillers');
    const still = { stock: pills.target, demand: 0, drift: 0 };
    w.expect(quote(6, pills, still, tagsFactor(['medicine'], 'winter'))).toBeGreaterThan(quote(6, pills, still, tagsFactor(['medicine'], 'summer')));
  });

  t.test('the market moves once a game day: restock and drift', (w) => {
    const ann = joinAt(w, 'Ann', MUSIC_SHOP);
    setVitals(w, ann, { cash: 1000 });
    ann.say('buy practice amp');
    ann.say('buy practice amp');
    w.expect(w.state('market').shops[MUSIC_SHOP]['amps:practice-amp'].stock).toBe(1);
    w.advance('1d');
    const s = w.state('market').shops[MUSIC_SHOP]['amps:practice-amp'];
    w.expect(s.stock).toBe(1 + line(MUSIC_SHOP, 'amps:practice-amp').restockPerDay);
    w.expect(s.demand).toBe(2 * M.demandDecayPerDay);
    w.expect(Math.abs(s.drift)).toBeLessThanOrEqual(M.driftPerDay);
  });
};
