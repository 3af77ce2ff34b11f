// ledger: your cash and its latest entries, each with its reason (lib/ledger.js).
import { balance, entries } from '../lib/ledger.js';
import { clockTime } from '../lib/time.js';
import { dayLabel, dayOf } from '../lib/days.js';

const SHOWN = 10;

export const ledger = {
  name: 'ledger',
  aliases: ['wallet'],
  help: 'Your cash and where it came from and went: the latest entries of your ledger.',
  whileBusy: true,
  readOnly: true,
  run(ctx) {
    const rows = entries(ctx.player).slice(-SHOWN);
    const line = (e) => `  ${dayLabel(dayOf(e.at))} ${clockTime(e.at)}  ${e.amount >= 0 ? '+' : '-'}$${Math.abs(e.amount)}  ${e.reason}`
      + `  (balance $${e.balance})`;
    ctx.reply([`You have $${balance(ctx.player)}.`, ...(rows.length ? ['Latest entries:', ...rows.map(line)] : [])].join('\n'),
      { cash: balance(ctx.player), entries: rows });
  },
};
