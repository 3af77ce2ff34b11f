// The rules benchmark's pack. bench.json (written by the benchmark) says how many entities and how the rule
// reaches them:
//  - "batch": the pack keeps the entities' numbers in typed arrays, one per column, and runs the rule over
//    them in one loop (what a batch API over typed columns hands a script);
//  - "entity": the numbers are the entities' properties, read with game.prop and written with game.setProp,
//    one entity at a time (the API every pack has today).
import settings from './bench.json' with { type: 'json' };
import { seed, step, stepAll, checksum } from './rule.js';

const { mode, entities, dtHours } = settings;
const columns = {
  xp: new Float64Array(entities), level: new Float64Array(entities),
  burnout: new Float64Array(entities), hours: new Float64Array(entities),
};
for (let i = 0; i < entities; i++) {
  seed(columns.xp, columns.level, columns.burnout, columns.hours, i);
}

// One entity's numbers while the per-entity rule works on them.
const one = { xp: new Float64Array(1), level: new Float64Array(1), burnout: new Float64Array(1), hours: new Float64Array(1) };
let ids = null;
let steps = 0;

function batch() {
  stepAll(columns.xp, columns.level, columns.burnout, columns.hours, entities, dtHours);
  steps++;
}

function entityIds() {
  if (ids === null) {
    ids = game.contents('bench:hall', 'npc').map((e) => e.id);
  }
  return ids;
}

// "<steps run so far> <checksum>", of the columns or of the entities' properties.
function status() {
  if (mode === 'batch') {
    return `${steps} ${checksum(columns.xp, columns.level, columns.burnout, columns.hours, entities)}`;
  }
  let sum = 0;
  for (const id of entityIds()) {
    sum += game.prop(id, 'xp') + game.prop(id, 'level') * 1000 + game.prop(id, 'burnout') * 10 + game.prop(id, 'hours');
  }
  return `${steps} ${sum}`;
}

function perEntity() {
  for (const id of entityIds()) {
    one.xp[0] = game.prop(id, 'xp');
    one.level[0] = game.prop(id, 'level');
    one.burnout[0] = game.prop(id, 'burnout');
    one.hours[0] = game.prop(id, 'hours');
    step(one.xp, one.level, one.burnout, one.hours, 0, dtHours);
    game.setProp(id, 'xp', one.xp[0]);
    game.setProp(id, 'level', one.level[0]);
    game.setProp(id, 'burnout', one.burnout[0]);
    game.setProp(id, 'hours', one.hours[0]);
  }
  steps++;
}

export function register(pack) {
  pack.every(settings.interval, mode === 'batch' ? batch : perEntity);
  pack.command({ name: 'status', help: 'Steps run so far and the checksum of the numbers.', run: (ctx) => ctx.reply(status()) });
}
