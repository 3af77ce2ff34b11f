// The side panels follow events without being asked: the clock (and the page's theme) from `clock`,
// quests and the inbox from the events sent after entering the world, the charts and effects from the
// client's own quiet requests, the inventory after picking something up.
import { awaitLine, check, command, playerName, registerAndPlay, scenario } from '../lib.mjs';

const PHASES = { night: [21, 5], dawn: [5, 8], day: [8, 18], dusk: [18, 21] };

await scenario('panels', async (open) => {
  const page = await open();
  await registerAndPlay(page, playerName('Pam'));
  for (const panel of ['clock', 'quests', 'effects', 'inventory', 'inbox', 'charts']) {
    await page.locator(`#${panel}-panel summary`).click();   // panels open and close like any <details>
  }

  await page.locator('#clock [data-season]').waitFor();
  const time = await page.locator('#clock .time').textContent();
  const hour = Number(time.slice(0, 2));
  const phase = await page.locator('body').getAttribute('data-phase');
  const [from, to] = PHASES[phase];
  check(from < to ? hour >= from && hour < to : hour >= from || hour < to, `the theme '${phase}' fits the hour ${hour}`);
  check((await page.locator('#clock-line').textContent()).includes(await page.locator('#clock [data-season]').textContent()),
    'the header shows the season');

  await page.locator('#quests li[data-quest]').first().waitFor();
  await page.locator('#inbox li.unread').first().waitFor();            // a newcomer's first notice
  check((await page.locator('#inbox-unread').textContent()).endsWith('unread'), 'the inbox counts unread notices');
  await page.locator('#charts table, #charts p:not(:has-text("nothing yet"))').first().waitFor();
  await page.locator('#effects li').first().waitFor();
  check(await page.locator('#effects li.empty').count() === 1 || await page.locator('#effects li[data-effect]').count() > 0,
    'the effects panel has been drawn');

  const before = await page.locator('#inventory li[data-item]').count();
  const thing = (await page.locator('#room-items li').first().textContent()).trim();
  check(thing !== 'nothing', 'something lies in the first room');
  await command(page, `get ${thing.split(' ').pop()}`);
  await awaitLine(page, 'You pick up');
  await page.locator('#inventory li[data-item]', { hasText: thing }).waitFor();
  check(await page.locator('#inventory li[data-item]').count() === before + 1, 'one more thing carried');
});
