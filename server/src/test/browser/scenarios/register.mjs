// A newcomer creates an account in the page and lands in the world; a password the server refuses is
// shown with the server's own message and nothing is lost from the form.
import { awaitLine, check, playerName, registerAndPlay, scenario, submitAuth } from '../lib.mjs';

await scenario('register', async (open) => {
  const page = await open();
  const name = playerName('Reg');
  await submitAuth(page, name, 'short', 'Create account');
  const refusal = await page.locator('#auth-error').textContent({ timeout: 10_000 });
  await page.locator('#auth-error:not(:empty)').waitFor();
  check(/password/i.test(await page.locator('#auth-error').textContent()), `a readable refusal, got '${refusal}'`);
  check(await page.getByLabel('Name', { exact: true }).inputValue() === name, 'the name stays in the form');

  await registerAndPlay(page, name);
  await awaitLine(page, `Welcome, ${name}.`);
  check(await page.locator('#room-exits button').count() > 0, 'the room panel lists exits');
  check((await page.locator('#status').textContent()).includes(`Connected as ${name}`), 'the status says who is connected');
});
