// Two players in two browser contexts: each sees the other arrive in the room panel, and what one says
// appears in the other's console.
import { awaitLine, check, command, playerName, registerAndPlay, scenario } from '../lib.mjs';

await scenario('speak', async (open) => {
  const ann = await open();
  const bob = await open();
  const annName = playerName('Ann');
  const bobName = playerName('Bob');
  await registerAndPlay(ann, annName);
  await registerAndPlay(bob, bobName);
  check(await ann.locator('#room-name').textContent() === await bob.locator('#room-name').textContent(), 'both start in the same room');
  await bob.locator('#room-players li', { hasText: annName }).waitFor();
  await awaitLine(ann, `${bobName} appears`);
  await ann.locator('#room-players li', { hasText: bobName }).waitFor();   // "who is here" follows arrivals

  await command(ann, 'say Anyone want to start a band?');
  await awaitLine(ann, 'You say, "Anyone want to start a band?"');
  await awaitLine(bob, `${annName} says, "Anyone want to start a band?"`);

  await command(bob, "' Count me in!");
  await awaitLine(ann, `${bobName} says, "Count me in!"`);
});
