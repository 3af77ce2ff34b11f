// shop (list), buy <item>, sell <item>: the city's shops (data/economy.json, prices in lib/market.js).
// Buying and selling are durable: the answer comes once the trade is stored.
import { ECONOMY } from '../lib/career-data.js';
import { ITEMS } from '../lib/data.js';
import { balance, post } from '../lib/ledger.js';
import { buyBackOf, market, priceOf, shopPayload, trade } from '../lib/market.js';
import { templateProps } from '../lib/modifiers.js';
import { canCarryMore, carried, findItem } from '../lib/items.js';
import { roomOf } from '../lib/rooms.js';

/** Answers a refusal (with its code in the payload, for clients) and ends the command. */
function refuse(ctx, text, code) {
  ctx.reply(text, { refused: code });
}

function shopHere(ctx) {
  const room = roomOf(ctx.player);
  if (room && ECONOMY.shops[room.id]) return room.id;
  ctx.reply('There is no shop here.', { refused: 'place' });
  return null;
}

export const shop = {
  name: 'shop',
  aliases: ['list'],
  readOnly: true,
  help: 'See what the shop here sells, at today\'s prices.',
  run(ctx) {
    const id = shopHere(ctx);
    if (!id) return;
    const p = shopPayload(id);
    const lines = [`${p.shop.name} sells:`, ...p.items.map((i) => `  ${i.name} — $${i.price}${i.stock > 0 ? ` (${i.stock} in stock)` : ' (sold out)'}`),
      `They buy back what they sell at ${Math.round(p.sellSpread * 100)}% of the price.`];
    game.send(ctx.player, 'shop', lines.join('\n'), p);
  },
};

export const buy = {
  name: 'buy',
  help: 'Buy something from the shop here.',
  usage: 'buy <item>',
  run(ctx) {
    const id = shopHere(ctx);
    if (!id) return;
    const stock = ECONOMY.shops[id].stock.map((l) => ({ id: l.template, template: l.template, props: templateProps(l.template) ?? {},
      name: templateProps(l.template)?.name ?? l.template }));
    const wanted = findItem(stock, ctx.args);
    if (!wanted)
      return refuse(ctx, ctx.args ? `They don't sell '${ctx.args}' here.` : 'Buy what? "shop" lists what is for sale.', 'unknown_item');
    const m = market();
    if (m.shops[id][wanted.template].stock < 1) return refuse(ctx, `${wanted.name} is sold out; they restock daily.`, 'sold_out');
    const price = priceOf(id, wanted.template, m);
    if (balance(ctx.player) < price)
      return refuse(ctx, `${wanted.name} costs $${price} and you have $${balance(ctx.player)}.`, 'cash');
    if (!canCarryMore(ctx.player)) return refuse(ctx, `You cannot carry more than ${ITEMS.carryLimit} things.`, 'full');
    if (wanted.props.unique && carried(ctx.player).some((c) => c.entity.template === wanted.template)) {
      ctx.reply(`You already have ${wanted.name}.`, { refused: 'unique' });
      return;
    }
    game.durable();
    post(ctx.player, -price, 'purchase');
    const item = game.spawn({ kind: 'item', template: wanted.template, container: ctx.player, props: { owner: ctx.player } });
    trade(id, wanted.template, 1);
    ctx.reply(`You buy ${wanted.name} for $${price}.`, { bought: { item, template: wanted.template, price } });
  },
};

export const sell = {
  name: 'sell',
  help: 'Sell something you carry to the shop here, if it trades in it.',
  usage: 'sell <item>',
  run(ctx) {
    const id = shopHere(ctx);
    if (!id) return;
    const item = findItem(carried(ctx.player), ctx.args);
    if (!item) return refuse(ctx, ctx.args ? `You don't have '${ctx.args}'.` : 'Sell what?', 'unknown_item');
    const line = ECONOMY.shops[id].stock.find((l) => l.template === item.entity.template);
    if (!line) return refuse(ctx, `${ECONOMY.shops[id].name} does not deal in ${item.name}.`, 'not_traded');
    if (item.entity.props.equipped) return refuse(ctx, `You are using ${item.name}: remove it first.`, 'equipped');
    const condition = item.props.condition ?? 100;
    const amount = Math.floor(buyBackOf(id, line.template) * Math.max(0, Math.min(100, condition)) / 100);
    game.durable();
    game.remove(item.id);
    if (amount > 0) post(ctx.player, amount, 'sale');
    trade(id, line.template, -1);
    ctx.reply(`You sell ${item.name} for $${amount}.`, { sold: { template: line.template, price: amount } });
  },
};
