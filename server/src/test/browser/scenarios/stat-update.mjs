// Practising costs energy at once: the stat_update that follows the command changes the sheet panel
// without the player asking for it.
import { awaitLine, check, command, playerName, registerAndPlay, scenario } from '../lib.mjs';

await scenario('stat-update', async (open) => {
  const page = await open();
  await registerAndPlay(page, playerName('Sue'));
  const energy = page.locator('#sheet [data-stat="energy"] .value');
  await energy.waitFor();
  const [before, max] = (await energy.textContent()).split('/').map(Number);
  check(before === max, `a new character starts rested (${before}/${max})`);

  await command(page, 'practice guitar 1');
  await awaitLine(page, 'You start practising guitar');
  await page.locator('#sheet [data-stat="energy"] .value', { hasText: `${before - 8}/${max}` }).waitFor();
  const bar = page.locator('#sheet [data-stat="energy"] progress');
  check(Number(await bar.getAttribute('value')) === before - 8, 'the energy bar moved too');
});
