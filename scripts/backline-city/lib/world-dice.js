// The living world's own dice: a number in [0, 1) fixed by what is rolled and when ("challenges of day
// 12", "Wren's step at hour 3051"). The same key always rolls the same, so a draw is reproducible and a
// restart cannot roll it again differently; and these rolls do not use `Math.random()`, so they do not
// shift the seeded sequence the players' own random events draw from. `data/daily.json` `drawSeed`
// changes every roll at once (live-ops can reshuffle).
import { DAILY } from './living-data.js';

// cyrb53, a small, well-mixed string hash; 53 bits turned into a fraction.
function hash(text) {
  let h1 = 0xdeadbeef ^ DAILY.drawSeed;
  let h2 = 0x41c6ce57 ^ DAILY.drawSeed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A number in [0, 1) for `key`, the same every time. */
export function roll(key) {
  return hash(key) / 2 ** 53;
}
