// A player clicks an exit in the room panel and arrives in the room it names; the keyboard works too
// (the exit is a button), and the command line's history recalls the command.
import { awaitLine, check, command, playerName, registerAndPlay, scenario } from '../lib.mjs';

await scenario('move', async (open) => {
  const page = await open();
  await registerAndPlay(page, playerName('Mo'));
  const start = await page.locator('#room-name').textContent();
  const exit = page.locator('#room-exits button').first();
  const dir = await exit.getAttribute('data-dir');
  const target = (await exit.textContent()).replace(dir, '').trim();
  await exit.click();
  await page.locator('#room-name', { hasText: target }).waitFor();
  check(await page.locator('#room-name').textContent() === target, `moved ${dir} from ${start} to ${target}`);
  await awaitLine(page, `> go ${dir}`);

  // Back again with the keyboard: focus the exit leading back and press Enter.
  const back = page.locator('#room-exits button', { hasText: start });
  await back.focus();
  await page.keyboard.press('Enter');
  await page.locator('#room-name', { hasText: start }).waitFor();

  // History and completion on the command line.
  await command(page, 'look');
  const input = page.getByLabel('Command', { exact: true });
  await input.press('ArrowUp');
  check(await input.inputValue() === 'look', 'up recalls the last command');
  await input.fill('inv');
  await input.press('Tab');
  check((await input.inputValue()).startsWith('inventory'), `Tab completes a command name (got '${await input.inputValue()}')`);
});
