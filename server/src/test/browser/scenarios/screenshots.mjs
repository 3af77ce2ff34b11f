// Screenshots of the main screens at desktop and phone width, into BROWSER_OUT (docs/screenshots/ when
// refreshing the README's pictures): the log-in screen, and the game after a look around, a word and
// the character sheet.
import { join } from 'node:path';
import { awaitLine, command, OUT, playerName, registerAndPlay, scenario } from '../lib.mjs';

const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

await scenario('screenshots', async (open) => {
  for (const [label, viewport] of Object.entries(SIZES)) {
    const page = await open(viewport);
    await page.locator('#auth-name').waitFor();
    await page.screenshot({ path: join(OUT, `login-${label}.png`) });
    await registerAndPlay(page, playerName('Ada'));
    await command(page, 'say Anyone up for a jam tonight?');
    await awaitLine(page, 'You say');
    await command(page, 'get guitar');
    await awaitLine(page, '> get guitar');
    await command(page, 'stats');
    await awaitLine(page, 'musician');
    await page.locator('#sheet [data-stat="energy"]').waitFor();
    for (const panel of ['#effects-panel', '#inventory-panel', '#clock-panel', '#quests-panel']) {
      await page.locator(panel).evaluate((d) => { d.open = true; });
    }
    await page.screenshot({ path: join(OUT, `game-${label}.png`), fullPage: label === 'phone' });
  }
});
