// The pack's commands go through `gameCommand`: the player gets a character if they lack one, a busy
// player is refused anything that is not allowed while busy (`whileBusy: true`), and whatever the
// command changed reaches the client as one `stat_update` (not worked out for `readOnly` commands).
// Every command that ran is then shown to the living world (quest steps, daily challenges): one that
// replied with a `refused` payload did not succeed and fires no trigger.
import { ensureCharacter, syncStats } from './character.js';
import { busyText, currentActivity } from './activity.js';
import { afterCommand } from './living-world.js';

// The command's context with `reply` watched for refusals (ctx itself is frozen).
function watched(ctx, outcome) {
  return Object.freeze({ player: ctx.player, id: ctx.id, verb: ctx.verb, typed: ctx.typed, args: ctx.args, argv: ctx.argv,
    reply(text, payload) {
      if (payload && payload.refused !== undefined) outcome.refused = true;
      return payload === undefined ? ctx.reply(text) : ctx.reply(text, payload);
    } });
}

export function gameCommand(spec) {
  const { whileBusy, readOnly, run, ...rest } = spec;
  return {
    ...rest,
    run(ctx) {
      ensureCharacter(ctx.player);
      const busy = whileBusy ? null : currentActivity(ctx.player);
      const outcome = { refused: Boolean(busy) };
      if (busy) {
        ctx.reply(busyText(busy), { refused: 'busy', doing: busy.doing, until: busy.until });
      } else {
        run(watched(ctx, outcome));
      }
      afterCommand(ctx, outcome.refused);
      if (!readOnly) syncStats(ctx.player);
    },
  };
}
