// The learning-and-burnout rule of the rules benchmark, one simulated step of practice for entity i. The
// same file runs in the Backline pack (GraalJS) and under Node (V8); LearningRule.java is its Java twin.
// Numbers follow the reference game's tables: the method rate by level band, the XP modifier and the
// burnout gain by hours of continuous practice, and XP dropping as burnout climbs.

const BASE_XP_PER_HOUR = 12;
// XP needed to leave level 1, 2, ... 9; level 10 is the top. A Float64Array, as the Java twin's double[]: an
// array literal of integers is a table of ints to GraalJS, compared with doubles on every step.
const XP_TO_NEXT = Float64Array.of(0, 100, 250, 450, 700, 1000, 1400, 1900, 2500, 3200);
const SESSION_HOURS = 8;
const REST_RELIEF = 20;

export function methodRate(level) {
  return level <= 3 ? 1.0 : level <= 7 ? 1.5 : 2.0;
}

export function hoursModifier(hours) {
  return hours < 2 ? 0.5 : hours < 5 ? 1.0 : hours < 7 ? 1.2 : 1.5;
}

// Burnout gained per hour at this point of a session: the table's gain spread over its band.
export function burnoutPerHour(hours) {
  return hours < 2 ? 0 : hours < 5 ? 5 / 3 : hours < 7 ? 15 / 2 : 30;
}

export function burnoutPenalty(burnout) {
  return burnout >= 80 ? 0.25 : burnout >= 50 ? 0.6 : 1.0;
}

/** One step of `dt` game hours for entity `i` of the four columns. */
export function step(xp, level, burnout, hours, i, dt) {
  let h = hours[i] + dt;
  let b = burnout[i];
  const lv = level[i];
  let x = xp[i] + BASE_XP_PER_HOUR * methodRate(lv) * hoursModifier(h) * burnoutPenalty(b) * dt;
  b += burnoutPerHour(h) * dt;
  if (h >= SESSION_HOURS) {
    h = 0;
    b -= REST_RELIEF;
  }
  if (lv < 10 && x >= XP_TO_NEXT[lv]) {
    x -= XP_TO_NEXT[lv];
    level[i] = lv + 1;
  }
  xp[i] = x;
  burnout[i] = b > 100 ? 100 : b < 0 ? 0 : b;
  hours[i] = h;
}

/** The rule over the first n entities of the columns. */
export function stepAll(xp, level, burnout, hours, n, dt) {
  for (let i = 0; i < n; i++) {
    step(xp, level, burnout, hours, i, dt);
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
