// Runs in every test module's context before the module. Like the packs' prelude it takes away what
// scripts must not use and routes Math.random and Date to the test's seeded RNG and its world's game
// clock; then it provides the test API (script-api/types/backline-test.d.ts): the `t` a test module's
// default export receives, the world handle `w` each test receives, and `w.expect`. Its completion value
// is kept by the runner; test code never sees it.
(function (host) {
  'use strict';
  const g = globalThis;
  for (const name of ['Java', 'Packages', 'java', 'javax', 'com', 'org', 'edu', 'net', 'Polyglot', 'Graal',
                      'load', 'loadWithNewGlobal', 'print', 'printErr', 'quit', 'exit', 'read', 'readline',
                      'readbuffer', 'Debug', 'SharedArrayBuffer', 'Atomics', 'WebAssembly', 'Worker',
                      'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask']) {
    try { delete g[name]; } catch (e) { /* not configurable: the runner's tests check it is gone */ }
  }

  Math.random = function random() { return host.random(); };
  const RealDate = Date;
  new RealDate(0).toString();   // loads ICU data once, under the module's budget
  function GameDate(...args) {
    if (!new.target) { return new RealDate(host.now()).toString(); }
    return Reflect.construct(RealDate, args.length === 0 ? [host.now()] : args, new.target);
  }
  GameDate.prototype = RealDate.prototype;
  GameDate.now = function now() { return host.now(); };
  GameDate.parse = RealDate.parse;
  GameDate.UTC = RealDate.UTC;
  Object.defineProperty(RealDate.prototype, 'constructor', { value: GameDate, writable: false, configurable: false });
  Object.defineProperty(g, 'Date', { value: GameDate, writable: false, configurable: false, enumerable: false });

  // ---- assertions -------------------------------------------------------------------------------

  class AssertionError extends Error {
    constructor(message) {
      super(message);
      this.name = 'AssertionError';
    }
  }

  const MAX_SHOWN = 1000;

  function show(v) {
    if (typeof v === 'string') { return clip(JSON.stringify(v)); }
    if (typeof v === 'function') { return `[function ${v.name || 'anonymous'}]`; }
    if (v instanceof Error) { return `${v.name}: ${v.message}`; }
    if (v instanceof RegExp) { return String(v); }
    if (v === null || typeof v !== 'object') { return String(v); }
    try { return clip(JSON.stringify(v)); } catch (e) { return Object.prototype.toString.call(v); }
  }

  function clip(text) { return text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN) + '…' : text; }

  function isObject(v) { return v !== null && typeof v === 'object'; }

  function equals(a, b) {
    if (Object.is(a, b)) { return true; }
    if (!isObject(a) || !isObject(b) || Array.isArray(a) !== Array.isArray(b)) { return false; }
    if (Array.isArray(a)) {
      return a.length === b.length && a.every((x, i) => equals(x, b[i]));
    }
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equals(a[k], b[k]));
  }

  /** Whether `actual` has at least the properties of `subset` (arrays: same length, each element matching). */
  function matchesSubset(actual, subset) {
    if (!isObject(subset)) { return equals(actual, subset); }
    if (!isObject(actual) || Array.isArray(actual) !== Array.isArray(subset)) { return false; }
    if (Array.isArray(subset)) {
      return actual.length === subset.length && subset.every((x, i) => matchesSubset(actual[i], x));
    }
    return Object.keys(subset).every((k) => matchesSubset(actual[k], subset[k]));
  }

  function pathOf(path) { return Array.isArray(path) ? path : String(path).split('.'); }

  function expect(actual, label) {
    if (label !== undefined && typeof label !== 'string') {
      throw new TypeError('expect: the label must be a string');
    }
    return matchersFor(actual, label === undefined ? '' : `${label}: `, false);
  }

  function matchersFor(actual, prefix, negated) {
    const not = negated ? ' not' : '';
    const check = (pass, message) => {
      if (pass === negated) { throw new AssertionError(prefix + message); }
    };
    const misuse = (matcher, expected) => {
      throw new AssertionError(`${prefix}${matcher} needs ${expected}, but the value is ${show(actual)}`);
    };
    const number = (matcher, n) => {
      if (typeof actual !== 'number' || typeof n !== 'number') { misuse(matcher, 'numbers'); }
    };
    const m = {
      toBe(expected) {
        check(Object.is(actual, expected), `expected ${show(actual)}${not} to be ${show(expected)}`
          + (!negated && equals(actual, expected) ? ' (they are equal but not the same: use toEqual)' : ''));
      },
      toEqual(expected) { check(equals(actual, expected), `expected ${show(actual)}${not} to equal ${show(expected)}`); },
      toMatchObject(subset) {
        check(matchesSubset(actual, subset), `expected ${show(actual)}${not} to match ${show(subset)}`);
      },
      toContain(item) {
        if (typeof actual === 'string') {
          if (typeof item !== 'string') { misuse('toContain', 'a string to look for in a string'); }
          check(actual.includes(item), `expected ${show(actual)}${not} to contain ${show(item)}`);
        } else if (Array.isArray(actual)) {
          check(actual.some((x) => equals(x, item)), `expected ${show(actual)}${not} to contain ${show(item)}`);
        } else {
          misuse('toContain', 'a string or an array');
        }
      },
      toMatch(pattern) {
        if (typeof actual !== 'string') { misuse('toMatch', 'a string'); }
        const pass = pattern instanceof RegExp ? pattern.test(actual) : actual.includes(String(pattern));
        check(pass, `expected ${show(actual)}${not} to match ${show(pattern)}`);
      },
      toHaveLength(n) {
        if (actual === null || actual === undefined || typeof actual.length !== 'number') {
          misuse('toHaveLength', 'a string or an array');
        }
        check(actual.length === n, `expected length ${actual.length}${not} to be ${n}: ${show(actual)}`);
      },
      toHaveProperty(path, ...value) {
        let v = actual;
        let found = true;
        for (const key of pathOf(path)) {
          if (!isObject(v) || !Object.prototype.hasOwnProperty.call(v, key)) { found = false; break; }
          v = v[key];
        }
        const pass = found && (value.length === 0 || equals(v, value[0]));
        check(pass, `expected ${show(actual)}${not} to have property ${show(pathOf(path).join('.'))}`
          + (value.length > 0 ? ` equal to ${show(value[0])}` + (found ? `, it is ${show(v)}` : '') : ''));
      },
      toBeGreaterThan(n) { number('toBeGreaterThan', n); check(actual > n, `expected ${actual}${not} to be greater than ${n}`); },
      toBeGreaterThanOrEqual(n) {
        number('toBeGreaterThanOrEqual', n);
        check(actual >= n, `expected ${actual}${not} to be greater than or equal to ${n}`);
      },
      toBeLessThan(n) { number('toBeLessThan', n); check(actual < n, `expected ${actual}${not} to be less than ${n}`); },
      toBeLessThanOrEqual(n) {
        number('toBeLessThanOrEqual', n);
        check(actual <= n, `expected ${actual}${not} to be less than or equal to ${n}`);
      },
      toBeTruthy() { check(Boolean(actual), `expected ${show(actual)}${not} to be truthy`); },
      toBeFalsy() { check(!actual, `expected ${show(actual)}${not} to be falsy`); },
      toBeNull() { check(actual === null, `expected ${show(actual)}${not} to be null`); },
      toBeUndefined() { check(actual === undefined, `expected ${show(actual)}${not} to be undefined`); },
      toBeDefined() { check(actual !== undefined, `expected ${show(actual)}${not} to be defined`); },
      toThrow(expected) {
        if (typeof actual !== 'function') { misuse('toThrow', 'a function to call'); }
        let thrown;
        let threw = false;
        try { actual(); } catch (e) { threw = true; thrown = e; }
        const message = thrown instanceof Error ? thrown.message : String(thrown);
        let pass = threw;
        let what = '';
        if (threw && expected !== undefined) {
          if (expected instanceof RegExp) {
            pass = expected.test(message);
            what = ` matching ${show(expected)}`;
          } else if (typeof expected === 'function') {
            pass = thrown instanceof expected;
            what = ` of type ${expected.name}`;
          } else {
            pass = message.includes(String(expected));
            what = ` containing ${show(String(expected))}`;
          }
        } else if (expected !== undefined) {
          what = expected instanceof RegExp ? ` matching ${show(expected)}`
            : typeof expected === 'function' ? ` of type ${expected.name}` : ` containing ${show(String(expected))}`;
        }
        check(pass, `expected the function${not} to throw an error${what}`
          + (threw ? `, it threw ${show(thrown)}` : ', it did not throw'));
      },
    };
    if (!negated) { m.not = matchersFor(actual, prefix, true); }
    return Object.freeze(m);
  }
  Object.freeze(expect);

  // ---- declaring tests ----------------------------------------------------------------------------

  const OPTION_KEYS = ['seed', 'timeout'];
  let cases = null;

  function options(call, given) {
    if (given === undefined) { return {}; }
    if (!isObject(given) || Array.isArray(given)) { throw new TypeError(`${call}: options must be an object like { seed: 7 }`); }
    for (const key of Object.keys(given)) {
      if (!OPTION_KEYS.includes(key)) { throw new TypeError(`${call}: unknown option '${key}'; options: ${OPTION_KEYS.join(', ')}`); }
    }
    if (given.seed !== undefined && !Number.isSafeInteger(given.seed)) {
      throw new TypeError(`${call}: 'seed' must be a whole number, was ${show(given.seed)}`);
    }
    if (given.timeout !== undefined && !(Number.isSafeInteger(given.timeout) && given.timeout > 0)) {
      throw new TypeError(`${call}: 'timeout' must be a positive number of milliseconds, was ${show(given.timeout)}`);
    }
    return given;
  }

  function collect(register) {
    if (typeof register !== 'function') {
      throw new TypeError('a test module must export default a function that declares its tests: '
        + 'export default (t) => { t.test(\'look shows the room\', (w) => { ... }); }');
    }
    const found = [];
    const names = new Set();
    // Hooks belong to a scope and apply to all its tests, wherever in the scope they are declared.
    let scope = { names: [], before: [], after: [], parent: null };
    let open = true;
    const requireOpen = (call) => {
      if (!open) { throw new Error(`${call}: tests can only be declared while the module's default export runs`); }
    };
    const declare = (call, name, fn, given, skip) => {
      requireOpen(call);
      if (typeof name !== 'string' || name.trim() === '' || name.length > 200) {
        throw new TypeError(`${call}: the name must be a non-empty string of at most 200 characters, was ${show(name)}`);
      }
      if (!skip && typeof fn !== 'function') { throw new TypeError(`${call}: '${name}' needs a function (w) => { ... }`); }
      const full = [...scope.names, name].join(' › ');
      if (names.has(full)) { throw new Error(`${call}: there is already a test named '${full}' in this file`); }
      names.add(full);
      const o = options(call, given);
      found.push({ name: full, fn, skip, seed: o.seed ?? null, timeout: o.timeout ?? null, scope });
    };
    const t = Object.freeze({
      test: (name, fn, given) => declare('t.test', name, fn, given, false),
      skip: (name, fn, given) => declare('t.skip', name, fn, given, true),
      describe(name, body) {
        requireOpen('t.describe');
        if (typeof name !== 'string' || name.trim() === '') { throw new TypeError('t.describe: the name must be a non-empty string'); }
        if (typeof body !== 'function') { throw new TypeError(`t.describe: '${name}' needs a function that declares its tests`); }
        const outer = scope;
        scope = { names: [...outer.names, name], before: [], after: [], parent: outer };
        try { body(); } finally { scope = outer; }
      },
      beforeEach(fn) {
        requireOpen('t.beforeEach');
        if (typeof fn !== 'function') { throw new TypeError('t.beforeEach: needs a function (w) => { ... }'); }
        scope.before.push(fn);
      },
      afterEach(fn) {
        requireOpen('t.afterEach');
        if (typeof fn !== 'function') { throw new TypeError('t.afterEach: needs a function (w) => { ... }'); }
        scope.after.push(fn);
      },
    });
    let result;
    try { result = register(t); } finally { open = false; }
    if (result !== null && (typeof result === 'object' || typeof result === 'function') && typeof result.then === 'function') {
      throw new TypeError('the default export must declare its tests synchronously (it returned a promise); '
        + 'the tests themselves may be async');
    }
    cases = found;
    return found.map((c) => ({ name: c.name, skip: c.skip, seed: c.seed, timeout: c.timeout }));
  }

  // ---- running one test -----------------------------------------------------------------------------

  function worldHandle(h) {
    const player = (index, id, name) => Object.freeze({
      id,
      name,
      say: (command) => h.say(index, command),
      send: (command) => h.send(index, command),
      events: (type) => h.received(index, type ?? null),
      last: (type) => h.last(index, type ?? null),
      transcript: () => h.transcript(index),
      clear: () => h.clear(index),
      leave: () => h.leave(index),
    });
    return Object.freeze({
      join(name) {
        const index = h.join(name);
        return player(index, h.playerId(index), name);
      },
      advance: (duration) => h.advance(duration),
      tick: (n = 1) => h.tick(n),
      now: () => h.now(),
      entity: (id) => h.entity(id),
      contents: (id, kind) => h.contents(id, kind ?? null),
      state: (key, pack) => h.state(key, pack ?? null),
      setProp: (id, key, value) => h.setProp(id, key, value),
      setRole: (player, role) => h.setRole(player, role),
      move: (id, to) => h.move(id, to ?? null),
      spawn: (spec) => h.spawn(spec),
      events: (name) => h.events(name ?? null),
      faults: () => h.faults(),
      reload: (pack) => h.reload(pack ?? null),
      expect,
    });
  }

  async function runSteps(c, w) {
    const scopes = [];
    for (let s = c.scope; s !== null; s = s.parent) { scopes.unshift(s); }
    let failed = false;
    let error;
    try {
      for (const hook of scopes.flatMap((s) => s.before)) { await hook(w); }
      await c.fn(w);
    } catch (e) {
      failed = true;
      error = e;
    }
    for (const hook of scopes.reverse().flatMap((s) => s.after)) {
      try { await hook(w); } catch (e) {
        if (!failed) { failed = true; error = e; }
      }
    }
    if (failed) { throw error; }
  }

  for (const o of [Math, JSON, Reflect, Object, Object.prototype, Function.prototype, Array.prototype,
                   String.prototype, Number.prototype, Boolean.prototype, RealDate.prototype, GameDate,
                   Promise, Promise.prototype, AssertionError, AssertionError.prototype]) {
    Object.freeze(o);
  }

  return Object.freeze({
    collect,
    /** Starts test `index`; the returned state is settled once the job queue has drained. */
    run(index, worldHost) {
      const c = cases[index];
      const state = { done: false, failed: false, error: undefined };
      runSteps(c, worldHandle(worldHost)).then(
        () => { state.done = true; },
        (e) => { state.done = true; state.failed = true; state.error = e; });
      return state;
    },
    /** The test's function, for the runner to point at when it knows no better place. */
    functionOf(index) { return cases[index].skip ? null : cases[index].fn; },
    /** Throws the error a test failed with again, so the host sees it with the stack it was created with. */
    rethrow(state) { throw state.error; },
  });
})
