// The pack's commands go through `gameCommand`: the player gets a character if they lack one, a busy
// player is refused anything that is not allowed while busy (`whileBusy: true`), and whatever the
// command changed reaches the client as one `stat_update` (not worked out for `readOnly` commands).
import { ensureCharacter, syncStats } from './character.js';
import { busyText, currentActivity } from './activity.js';

export function gameCommand(spec) {
  const { whileBusy, readOnly, run, ...rest } = spec;
  return {
    ...rest,
    run(ctx) {
      ensureCharacter(ctx.player);
      const busy = whileBusy ? null : currentActivity(ctx.player);
      if (busy) {
        ctx.reply(busyText(busy), { refused: 'busy', doing: busy.doing, until: busy.until });
      } else {
        run(ctx);
      }
      if (!readOnly) syncStats(ctx.player);
    },
  };
}
