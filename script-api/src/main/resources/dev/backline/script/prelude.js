// Runs in every pack's context before the pack's own modules. It hides the host objects behind plain,
// frozen JavaScript objects, takes away what scripts must not use, and routes Math.random and Date to
// the engine's seeded RNG and game clock. Its completion value is kept by the engine, not by scripts.
(function (host) {
  'use strict';
  const g = globalThis;
  for (const name of ['Java', 'Packages', 'java', 'javax', 'com', 'org', 'edu', 'net', 'Polyglot', 'Graal',
                      'load', 'loadWithNewGlobal', 'print', 'printErr', 'quit', 'exit', 'read', 'readline',
                      'readbuffer', 'Debug', 'SharedArrayBuffer', 'Atomics', 'WebAssembly', 'Worker',
                      'setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask']) {
    try { delete g[name]; } catch (e) { /* not configurable: checked by the sandbox tests */ }
  }

  Math.random = function random() { return host.random(); };

  const RealDate = Date;
  // The first use of dates, collation and number formatting loads ICU data, which takes longer than a
  // handler's budget: do it now, under the load budget (it is paid once per process).
  new RealDate(0).toString();
  'a'.localeCompare('b');
  (1234.5).toLocaleString();
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

  const game = Object.freeze({
    entity: (id) => host.entity(id),
    contents: (id, kind) => host.contents(id, kind),
    prop: (id, key) => host.prop(id, key),
    setProp: (id, key, value) => host.setProp(id, key, value),
    tag: (id, tag, present = true) => host.tag(id, tag, present),
    move: (id, to) => host.move(id, to),
    spawn: (spec) => host.spawn(spec),
    remove: (id) => host.remove(id),
    send: (player, type, text, payload) => host.send(player, type, text, payload),
    tell: (player, text, payload) => host.send(player, 'message', text, payload),
    toRoom: (room, text, options = {}) => host.toRoom(room, options.type || 'message', text, options.payload,
                                                      options.except),
    online: () => host.online(),
    isOnline: (player) => host.isOnline(player),
    commands: () => host.commands(),
    now: () => host.now(),
    tick: () => host.tick(),
    after: (delay, timer, data) => host.after(delay, timer, data),
    cancel: (handle) => host.cancel(handle),
    state: (key) => host.state(key),
    setState: (key, value) => host.setState(key, value),
    log: (...parts) => host.log(parts.map(p => typeof p === 'string' ? p : JSON.stringify(p)).join(' ')),
  });
  Object.defineProperty(g, 'game', { value: game, writable: false, configurable: false, enumerable: false });

  for (const o of [Math, JSON, Reflect, Object, Object.prototype, Function.prototype, Array.prototype,
                   String.prototype, Number.prototype, Boolean.prototype, RealDate.prototype, GameDate,
                   Promise, Promise.prototype]) {
    Object.freeze(o);
  }

  return Object.freeze({
    wrapPack(registrar) {
      return Object.freeze({
        command: (spec) => registrar.command(spec),
        on: (event, handler) => registrar.on(event, handler),
        every: (interval, handler) => registrar.every(interval, handler),
        timer: (name, handler) => registrar.timer(name, handler),
      });
    },
    callCommand(run, data) {
      const ctx = Object.freeze(Object.assign({}, data, {
        reply: (text, payload) => game.send(data.player, 'message', text, payload),
      }));
      return run(ctx);
    },
  });
})
