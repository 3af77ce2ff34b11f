// The rules benchmark under Node (V8): the same rule.js over the same typed columns, timed like JMH's
// average-time mode (warm-up rounds, then measured rounds), printed as one JSON line.
import { seed, stepAll, checksum } from './pack/rule.js';

const [entities, warmups, rounds, stepsPerRound, dtHours] = process.argv.slice(2).map(Number);
const cols = ['xp', 'level', 'burnout', 'hours'].map(() => new Float64Array(entities));
const [xp, level, burnout, hours] = cols;
for (let i = 0; i < entities; i++) {
  seed(xp, level, burnout, hours, i);
}
const roundNs = [];
for (let r = 0; r < warmups + rounds; r++) {
  const started = process.hrtime.bigint();
  for (let s = 0; s < stepsPerRound; s++) {
    stepAll(xp, level, burnout, hours, entities, dtHours);
  }
  const ns = Number(process.hrtime.bigint() - started);
  if (r >= warmups) {
    roundNs.push(ns / stepsPerRound / entities);
  }
}
roundNs.sort((a, b) => a - b);
console.log(JSON.stringify({ engine: `node ${process.version}`, entities, nsPerEntity: roundNs,
  median: roundNs[Math.floor(roundNs.length / 2)], checksum: checksum(xp, level, burnout, hours, entities) }));
