// A needs model for crowds of NPCs, one step of `dt` game hours for the first n of them. Each NPC is idle,
// wandering, eating or asleep: energy falls while awake (faster on the move) and comes back in sleep; hunger
// rises until it eats; mood drifts towards what energy and hunger make of it; a wanderer walks on with a
// heading that turns a little every step and turns round at the edge of its 500 m square. NpcRule.java is
// its Java twin, line for line.

export const IDLE = 0, WANDER = 1, EAT = 2, SLEEP = 3;
const SIZE = 500;              // metres: the square the NPCs roam
const WALK = 4300;             // metres per game hour (1.2 m/s)
const TIRED = 15, RESTED = 95, HUNGRY = 70, FED = 10;

/** A xorshift32 step: the next state of the generator. */
function next(s) {
  s ^= s << 13;
  s ^= s >>> 17;
  s ^= s << 5;
  return s >>> 0;
}

export function step(energy, hunger, mood, x, y, heading, activity, n, dt, seed) {
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    let e = energy[i];
    let h = hunger[i];
    let a = activity[i];
    s = next(s);
    const roll = s / 4294967296;
    if (a === SLEEP) {
      e += 15 * dt;
      h += 3 * dt;
      if (e >= RESTED) { a = IDLE; }
    } else if (a === EAT) {
      h -= 60 * dt;
      e -= 2 * dt;
      if (h <= FED) { a = IDLE; }
    } else {
      e -= (a === WANDER ? 6 : 2) * dt;
      h += 8 * dt;
      if (e < TIRED) { a = SLEEP; }
      else if (h > HUNGRY) { a = EAT; }
      else if (roll < 0.02) { a = a === WANDER ? IDLE : WANDER; }
    }
    if (a === WANDER) {
      let dir = heading[i] + (roll - 0.5) * 0.6;
      let px = x[i] + Math.cos(dir) * WALK * dt;
      let py = y[i] + Math.sin(dir) * WALK * dt;
      if (px < 0 || px > SIZE || py < 0 || py > SIZE) {
        dir += Math.PI;
        px = px < 0 ? 0 : px > SIZE ? SIZE : px;
        py = py < 0 ? 0 : py > SIZE ? SIZE : py;
      }
      x[i] = px;
      y[i] = py;
      heading[i] = dir;
    }
    const target = 50 + (e - 50) * 0.3 - (h - 50) * 0.4;
    mood[i] += (target - mood[i]) * 0.05;
    energy[i] = e < 0 ? 0 : e > 100 ? 100 : e;
    hunger[i] = h < 0 ? 0 : h > 100 ? 100 : h;
    activity[i] = a;
  }
  return s;
}
