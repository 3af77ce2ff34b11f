// The shops' market: each shop of data/economy.json stocks item templates (world-data/items) and prices
// them from the template's `price` times four factors: stock (scarce is dear: 1 + stockWeight × (target −
// stock) / target), demand (every purchase adds 1, every sale takes 1, and it decays each day: 1 +
// demandWeight × demand), the season (by the template's tags) and a daily drift, a seeded random walk
// within ±maxDrift. Once a game day shops restock towards their target and demand and drift move. Players
// sell back at `sellSpread` of the price. State: the pack's state store, key "market".
import { ECONOMY } from './career-data.js';
import { seasonOf, today } from './days.js';
import { templateProps } from './modifiers.js';

const M = ECONOMY.market;
const KEY = 'market';

function round2(x) {
  return Math.round(x * 100) / 100;
}

function freshLine(line) {
  return { stock: line.target, demand: 0, drift: 0 };
}

/** The market state, with a line for every stocked template (lines the data added since are made now). */
export function market() {
  const m = game.state(KEY) ?? { day: today(), shops: {} };
  for (const [shop, def] of Object.entries(ECONOMY.shops)) {
    m.shops[shop] = m.shops[shop] ?? {};
    for (const line of def.stock) m.shops[shop][line.template] = m.shops[shop][line.template] ?? freshLine(line);
  }
  return m;
}

export function saveMarket(m) {
  game.setState(KEY, m);
}

// Template tags only change when world data is loaded: kept after the first read, like templateProps.
const tagCache = new Map();

export function seasonFactor(template, season) {
  if (!tagCache.has(template)) tagCache.set(template, game.entity(template)?.tags ?? []);
  return tagsFactor(tagCache.get(template), season);
}

/** The season's price factor for an item with these tags (data/economy.json `market.seasons`). */
export function tagsFactor(tags, season) {
  return tags.reduce((f, tag) => f * (M.seasons[season]?.[tag] ?? 1), 1);
}

/** The price of one stock line: pure, for the tests. `line` from data, `state` {stock, demand, drift}. */
export function quote(base, line, state, season) {
  const stockF = 1 + M.stockWeight * (line.target - state.stock) / line.target;
  const demandF = 1 + M.demandWeight * state.demand;
  return Math.max(M.minPrice, Math.round(base * Math.max(0.1, stockF) * Math.max(0.1, demandF) * season * (1 + state.drift)));
}

/** A stock line's next day: restocked towards its target, demand fading, drift moving by `random` in [0, 1). */
export function nextDay(line, state, random) {
  return {
    stock: state.stock < line.target ? round2(Math.min(line.target, state.stock + line.restockPerDay)) : state.stock,
    demand: Math.abs(state.demand * M.demandDecayPerDay) < 0.01 ? 0 : round2(state.demand * M.demandDecayPerDay),
    drift: round2(Math.max(-M.maxDrift, Math.min(M.maxDrift, state.drift + (random * 2 - 1) * M.driftPerDay))),
  };
}

/** What a shop asks for a template now (whole dollars). */
export function priceOf(shopId, template, m = market(), day = today()) {
  const line = ECONOMY.shops[shopId].stock.find((l) => l.template === template);
  return quote(templateProps(template)?.price ?? 0, line, m.shops[shopId][template], seasonFactor(template, seasonOf(day)));
}

/** What a shop pays a player for a template: the price times the spread, rounded down. */
export function buyBackOf(shopId, template, m = market(), day = today()) {
  return Math.floor(priceOf(shopId, template, m, day) * M.sellSpread);
}

/** The `shop` payload of docs/protocol.md. */
export function shopPayload(shopId) {
  const m = market();
  const items = ECONOMY.shops[shopId].stock.map((line) => ({
    template: line.template, name: templateProps(line.template)?.name ?? line.template,
    price: priceOf(shopId, line.template, m), stock: Math.floor(m.shops[shopId][line.template].stock),
  }));
  return { shop: { id: shopId, name: ECONOMY.shops[shopId].name }, items, sellSpread: M.sellSpread };
}

/** Records a purchase (+1) or a sale (-1) of one item. */
export function trade(shopId, template, direction) {
  const m = market();
  const line = ECONOMY.shops[shopId].stock.find((l) => l.template === template);
  const s = m.shops[shopId][template];
  s.stock = Math.min(line.max, Math.max(0, s.stock - direction));
  s.demand = round2(s.demand + direction);
  saveMarket(m);
}

/** One game day of the market: restock, demand fades, prices drift. */
export function marketDay(day = today()) {
  const m = market();
  for (const [shop, def] of Object.entries(ECONOMY.shops)) {
    for (const line of def.stock) m.shops[shop][line.template] = nextDay(line, m.shops[shop][line.template], Math.random());
  }
  m.day = day;
  saveMarket(m);
  return m;
}
