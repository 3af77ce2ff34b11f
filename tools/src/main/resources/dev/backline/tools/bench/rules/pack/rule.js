// The learning-and-burnout rule of the rules benchmark, one simulated step of practice for entity i. The
// same file runs in the Backline pack (GraalJS) and under Node (V8); LearningRule.java is its Java twin.
// Numbers follow the reference game's tables: the method rate by level band, the XP modifier and the
// burnout gain by hours of continuous practice, and XP dropping as burnout climbs.
//
// Written as the scripting guide's "Numbers in a hot loop" asks: every helper returns one kind of number on
// every path (the factors are whole percentages, the burnout gains whole points), so the compiled loop never
// boxes a number. Written with factors of 1 on some paths and 1.5 on others, the same rule ran about twice as
// slowly on GraalJS and allocated ~136 bytes per entity per step (docs/benchmarks.md). And, as the guide
// asks too, the loop reads the XP table into a local once and hands it to each step: read from the module's
// scope on every step, the same rule took ~30 % longer on GraalJS (V8 runs both alike).

const BASE_XP_PER_HOUR = 12;
// XP needed to leave level 1, 2, ... 9; level 10 is the top. A Float64Array, as the Java twin's double[]: an
// array literal of integers is a table of ints to GraalJS, compared with doubles on every step.
const XP_TO_NEXT = Float64Array.of(0, 100, 250, 450, 700, 1000, 1400, 1900, 2500, 3200);
const SESSION_HOURS = 8;
const REST_RELIEF = 20;

/** The learning method's XP rate by level band, in percent. */
export function methodPercent(level) {
  return level <= 3 ? 100 : level <= 7 ? 150 : 200;
}

/** The XP modifier by hours into the practice session, in percent. */
export function hoursPercent(hours) {
  return hours < 2 ? 50 : hours < 5 ? 100 : hours < 7 ? 120 : 150;
}

/** Burnout points gained per hour at this point of a session. */
export function burnoutPerHour(hours) {
  return hours < 2 ? 0 : hours < 5 ? 2 : hours < 7 ? 8 : 30;
}

/** The share of XP still gained at this burnout, in percent. */
export function burnoutPercent(burnout) {
  return burnout >= 80 ? 25 : burnout >= 50 ? 60 : 100;
}

/** One step of `dt` game hours for entity `i` of the four columns; `xpToNext` is the XP table. */
export function step(xp, level, burnout, hours, i, dt, xpToNext = XP_TO_NEXT) {
  let h = hours[i] + dt;
  let b = burnout[i];
  const lv = level[i];
  let x = xp[i] + BASE_XP_PER_HOUR * dt * methodPercent(lv) * hoursPercent(h) * burnoutPercent(b) / 1e6;
  b += burnoutPerHour(h) * dt;
  if (h >= SESSION_HOURS) {
    h = 0;
    b -= REST_RELIEF;
  }
  // `lv | 0` is the Java twin's (int) cast: the table is indexed with an int, not a double.
  if (lv < 10 && x >= xpToNext[lv | 0]) {
    x -= xpToNext[lv | 0];
    level[i] = lv + 1;
  }
  xp[i] = x;
  burnout[i] = Math.min(Math.max(b, 0), 100);
  hours[i] = h;
}

/** The rule over the first n entities of the columns. */
export function stepAll(xp, level, burnout, hours, n, dt) {
  const xpToNext = XP_TO_NEXT;
  for (let i = 0; i < n; i++) {
    step(xp, level, burnout, hours, i, dt, xpToNext);
  }
}

/** The starting values of entity i, spread so every band of every table is exercised. */
export function seed(xp, level, burnout, hours, i) {
  level[i] = 1 + (i % 10);
  xp[i] = (i * 37) % 90;
  burnout[i] = (i * 13) % 100;
  hours[i] = (i % 9);
}

/** A checksum of the columns, so the three implementations can be shown to compute the same thing. */
export function checksum(xp, level, burnout, hours, n) {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    sum += xp[i] + level[i] * 1000 + burnout[i] * 10 + hours[i];
  }
  return sum;
}
