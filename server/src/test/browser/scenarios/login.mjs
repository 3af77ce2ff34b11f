// A player whose account exists logs in through the form (a wrong password first, refused readably),
// chooses or creates a character when the server has several per account, plays, and a reload of the
// page keeps them in the game as the same character.
import { awaitLine, BASE, check, playerName, scenario, submitAuth } from '../lib.mjs';

await scenario('login', async (open) => {
  const name = playerName('Lou');
  const created = await fetch(`${BASE}/api/accounts`, { method: 'POST', body: JSON.stringify({ name, password: 'lou-secret' }) });
  check(created.status === 201, `the account was created over HTTP (got ${created.status})`);

  const page = await open();
  await submitAuth(page, name, 'not-the-password', 'Log in');
  await page.locator('#auth-error:not(:empty)').waitFor();
  check((await page.locator('#auth-error').textContent()) === 'wrong name or password', 'the server\'s message is shown');
  check(await page.locator('#game-screen').isHidden(), 'no game without the right password');

  await submitAuth(page, name, 'lou-secret', 'Log in');
  await page.locator('#game-screen:not([hidden]), #character-screen:not([hidden])').first().waitFor();
  let playing = name;
  if (await page.locator('#character-screen').isVisible()) {
    // The server offers several characters per account: the first is listed, and a new one can be made.
    await page.getByRole('button', { name: `Play ${name}` }).waitFor();
    playing = playerName('Alt');
    await page.getByLabel("New character's name").fill(playing);
    await page.getByRole('button', { name: 'Create and play' }).click();
    console.log(`  the server offers several characters per account: created and chose ${playing}`);
  }
  await page.locator('#game-screen').waitFor({ state: 'visible' });
  await awaitLine(page, `Welcome, ${playing}.`);
  await page.locator('#room-name:not(.empty)').waitFor();
  await page.locator('#sheet [data-stat="energy"]').waitFor();

  await page.reload();
  await page.locator('#game-screen').waitFor({ state: 'visible' });
  await awaitLine(page, `Welcome, ${playing}.`);
  check(await page.locator('#auth-screen').isHidden(), 'a reload keeps the session');
});
