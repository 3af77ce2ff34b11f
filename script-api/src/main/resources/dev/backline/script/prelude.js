// Runs in every pack's context, after the console (console.js) and before the pack's own modules. It
// leaves only standard JavaScript, `game` and `console` on the global object, hides the host objects
// behind plain, frozen JavaScript objects, bounds and copies every value before it crosses into the host,
// and routes Math.random and Date to the engine's seeded RNG and game clock. Its completion value is kept
// by the engine, not by scripts.
(function (facade, columnsFacade, boundary, limits, line) {
  'use strict';
  const g = globalThis;
  // Taken now: a pack may replace the global bindings (Object, Reflect, ...) in its own context later, and
  // the prelude's code must not run what it put there.
  const { keys, freeze, assign, defineProperty, isExtensible, create } = Object;
  const { apply, construct, ownKeys, deleteProperty } = Reflect;
  const isArray = Array.isArray;
  const isView = ArrayBuffer.isView;
  const ArrayBufferOf = ArrayBuffer;
  const Float64ArrayOf = Float64Array;
  const isFiniteNumber = Number.isFinite;
  const StringOf = String;
  const { maxDepth, maxElements, maxString, maxText } = limits;
  const isHostObject = boundary.isHostObject;
  const hasRoom = boundary.hasRoom;
  const hasRoomToRead = boundary.hasRoomToRead;
  // Their first calls link them (and spin the JDK's method handles for them) here, at a normal depth.
  hasRoom();
  hasRoomToRead();
  isHostObject(null);
  // What a read answers when its host code turned out to need more stack than hasRoomToRead made sure of.
  const NO_ROOM = boundary.noRoom();

  // Standard ECMAScript globals, plus game and console. Everything else the engine puts on the global
  // object (whatever a GraalJS version adds) is deleted, and a global that cannot be deleted stops the pack.
  const STANDARD = ['globalThis', 'Infinity', 'NaN', 'undefined', 'eval', 'isFinite', 'isNaN', 'parseFloat',
    'parseInt', 'decodeURI', 'decodeURIComponent', 'encodeURI', 'encodeURIComponent', 'escape', 'unescape',
    'AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array', 'BigUint64Array', 'Boolean', 'DataView',
    'Date', 'Error', 'EvalError', 'FinalizationRegistry', 'Float16Array', 'Float32Array', 'Float64Array',
    'Function', 'Int8Array', 'Int16Array', 'Int32Array', 'Iterator', 'Map', 'Number', 'Object', 'Promise', 'Proxy',
    'RangeError', 'ReferenceError', 'RegExp', 'Set', 'String', 'Symbol', 'SyntaxError', 'TypeError', 'Uint8Array',
    'Uint8ClampedArray', 'Uint16Array', 'Uint32Array', 'URIError', 'WeakMap', 'WeakRef', 'WeakSet', 'Intl',
    'JSON', 'Math', 'Reflect', 'console'];
  for (const name of ownKeys(g)) {
    if (typeof name === 'string' && !STANDARD.includes(name) && !deleteProperty(g, name)) {
      throw new Error(`prelude: the global '${name}' cannot be removed`);
    }
  }

  // ---- what crosses into the host ------------------------------------------------------------------------
  // Host code never reads a script's object: every data argument is copied here into plain data (its
  // getters and proxy traps run now, as the script's own code, under its budget), and every string is
  // bounded, before the call crosses. The host checks the same limits again.

  function tooMuch(root) {
    return new RangeError(`${root} has more than ${maxElements} elements`);
  }

  function where(parent, key) {
    return key === undefined ? parent : typeof key === 'number' ? `${parent}[${key}]` : `${parent}.${key}`;
  }

  function bounded(s, path, state) {
    if (s.length > maxString) {
      throw new RangeError(`${path} is a string of ${s.length} characters; at most ${maxString} can be passed`);
    }
    state.text -= s.length;
    if (state.text < 0) {
      throw new RangeError(`${state.root} holds more than ${maxText} characters of text in all`);
    }
    return s;
  }

  function copy(v, parent, key, depth, state) {
    if (--state.elements < 0) { throw tooMuch(state.root); }
    if (depth > maxDepth) { throw new RangeError(`${where(parent, key)} is nested deeper than ${maxDepth} levels`); }
    switch (typeof v) {
      case 'string': return bounded(v, where(parent, key), state);
      case 'number':
        if (!isFiniteNumber(v)) { throw new TypeError(`${where(parent, key)} is ${v}, which is not plain data`); }
        return v;
      case 'boolean': case 'undefined': case 'bigint': return v;
      case 'symbol': throw new TypeError(`${where(parent, key)} is not plain data: ${StringOf(v)}`);
      case 'function':
        if (state.functions) { return v; }
        throw new TypeError(`${where(parent, key)} is a function; only plain data (objects, arrays, strings, `
                            + 'numbers, booleans, null) can be passed');
      default:
    }
    if (v === null) { return null; }
    const path = where(parent, key);
    if (!isExtensible(v) && isHostObject(v)) {
      throw new TypeError(`${path} is a host object; only plain data (objects, arrays, strings, numbers, `
                          + 'booleans, null) can be passed');
    }
    if (isArray(v) || (isView(v) && typeof v.length === 'number')) {
      const length = v.length;
      if (!(length <= maxElements)) { throw tooMuch(state.root); }
      const out = [];
      for (let i = 0; i < length; i++) { out[i] = copy(v[i], path, i, depth + 1, state); }
      return out;
    }
    const names = keys(v);
    if (names.length > maxElements) { throw tooMuch(state.root); }
    const out = {};
    for (let i = 0; i < names.length; i++) {
      const name = bounded(names[i], `${path} key`, state);
      const value = copy(v[name], path, name, depth + 1, state);
      if (name === '__proto__') {
        defineProperty(out, name, { value, writable: true, enumerable: true, configurable: true });
      } else {
        out[name] = value;
      }
    }
    return out;
  }

  /** Plain data for the host: `root` names the argument in errors, e.g. "game.setProp: value". */
  function plain(value, root, functions) {
    return copy(value, root, undefined, 0, { root, functions, elements: maxElements, text: maxText });
  }

  // A host method's parameters: '*' marks one that takes data (copied); the others take a scalar, which
  // the host checks for its type without ever reading into it, so only their strings are bounded here.
  // A method missing from its table has every object argument copied.
  const GAME_PARAMS = {
    entity: ['id'], contents: ['id', 'kind'], prop: ['id', 'key'], setProp: ['id', 'key', '*value'],
    tag: ['id', 'tag', 'present'], move: ['id', 'to'], spawn: ['*spec'], remove: ['id'],
    send: ['player', 'type', 'text', '*payload'], toRoom: ['room', 'type', 'text', '*payload', '*except'],
    online: [], isOnline: ['player'], playersIn: ['room'], commands: [], after: ['delay', 'timer', '*data'], cancel: ['handle'],
    state: ['key'], setState: ['key', '*value'], durable: [], log: ['message'], tunable: ['name'],
    role: ['player'], audit: ['actor', 'action', 'subject', '*details'],
  };
  // A command spec carries its run function, so functions may cross inside it.
  const PACK_PARAMS = {
    command: ['**spec'], on: ['event', 'handler'], every: ['interval', 'handler'], timer: ['name', 'handler'],
    tunable: ['name', '*spec'], columns: ['name', '*spec'],
  };
  // Called all the time, take nothing and touch no more than a clock or the RNG: no copy, no stack probe.
  const DIRECT = ['now', 'tick', 'random'];
  // Reads whose host code usually only looks up what it has (a view already built): the short probe; the
  // host probes in full before it builds anything, and answers NO_ROOM if that fails.
  const READS = ['entity', 'contents', 'prop', 'isOnline', 'role', 'playersIn'];

  function crossing(target, prefix, table) {
    const out = {};
    for (const name of keys(target)) {
      const method = target[name];
      if (DIRECT.includes(name)) {
        out[name] = method;
        continue;
      }
      const call = `${prefix}.${name}`;
      const params = (table[name] ?? []).map((p) => {
        const label = p.startsWith('**') ? p.slice(2) : p.startsWith('*') ? p.slice(1) : p;
        return freeze({ data: p.startsWith('*'), functions: p.startsWith('**'), root: `${call}: ${label}`,
                        quoted: `${call}: '${label}'` });
      });
      // Not in the table (an API method the prelude does not know yet): copy every object argument.
      const unknown = (i) => ({ data: true, functions: false, root: `${call}: argument ${i + 1}` });
      const probe = table === GAME_PARAMS && READS.includes(name) ? hasRoomToRead : hasRoom;
      out[name] = (...args) => {
        for (let i = 0; i < args.length; i++) {
          const param = params[i] ?? unknown(i);
          if (param.data) {
            args[i] = plain(args[i], param.root, param.functions);
          } else if (typeof args[i] === 'string') {
            bounded(args[i], param.quoted, { root: param.quoted, text: maxString });
          }
        }
        if (!probe()) { throw new RangeError('Maximum call stack size exceeded'); }
        const result = apply(method, target, args);
        if (result === NO_ROOM) { throw new RangeError('Maximum call stack size exceeded'); }
        return result;
      };
    }
    return freeze(out);
  }

  const host = crossing(facade, 'game', GAME_PARAMS);
  const columnsHost = crossing(columnsFacade, 'game.columns',
                               { open: ['name'], buffer: ['name', 'column'], id: ['name', 'row'], row: ['name', 'id'] });

  // ---- game.columns ------------------------------------------------------------------------------------
  // The engine's column buffers go no further than this function: each is wrapped in an ArrayBuffer over its
  // memory (no copy; such a buffer can be neither detached nor transferred) the first time, and the script gets
  // Float64Arrays over those. The same frozen table comes back while the rows stay the same; new buffers (the
  // rows outgrew them, or removed entities' rows were dropped) get new arrays, so an array held from before
  // never writes into another entity's row.
  const columnSets = create(null);

  function columns(name) {
    const now = columnsHost.open(name);
    let set = columnSets[name];
    if (set === undefined || set.generation !== now.generation) {
      const buffers = [];
      for (let c = 0; c < now.props.length; c++) {
        buffers[c] = new ArrayBufferOf(columnsHost.buffer(name, c));
      }
      set = { generation: now.generation, buffers, count: -1, table: null };
      columnSets[name] = set;
    }
    if (set.count !== now.count) {
      const table = { count: now.count, id: (row) => columnsHost.id(name, row), row: (id) => columnsHost.row(name, id) };
      for (let c = 0; c < now.props.length; c++) {
        defineProperty(table, now.props[c], { value: new Float64ArrayOf(set.buffers[c], 0, now.count), enumerable: true });
      }
      set.count = now.count;
      set.table = freeze(table);
    }
    return set.table;
  }

  // ---- determinism -------------------------------------------------------------------------------------

  Math.random = function random() { return host.random(); };

  const RealDate = Date;
  // The first use of dates, collation and number formatting loads ICU data, which takes longer than a
  // handler's budget: do it now, under the load budget (it is paid once per process).
  new RealDate(0).toString();
  'a'.localeCompare('b');
  (1234.5).toLocaleString();
  function GameDate(...args) {
    if (!new.target) { return new RealDate(host.now()).toString(); }
    return construct(RealDate, args.length === 0 ? [host.now()] : args, new.target);
  }
  GameDate.prototype = RealDate.prototype;
  GameDate.now = function now() { return host.now(); };
  GameDate.parse = RealDate.parse;
  GameDate.UTC = RealDate.UTC;
  defineProperty(RealDate.prototype, 'constructor', { value: GameDate, writable: false, configurable: false });
  defineProperty(g, 'Date', { value: GameDate, writable: false, configurable: false, enumerable: false });

  // ---- the API -----------------------------------------------------------------------------------------

  const game = freeze({
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
    playersIn: (room) => host.playersIn(room),
    commands: () => host.commands(),
    now: () => host.now(),
    tick: () => host.tick(),
    after: (delay, timer, data) => host.after(delay, timer, data),
    cancel: (handle) => host.cancel(handle),
    state: (key) => host.state(key),
    setState: (key, value) => host.setState(key, value),
    tunable: (name) => host.tunable(name),
    role: (player) => host.role(player),
    audit: (actor, action, subject, details) => host.audit(actor, action, subject, details),
    durable: () => host.durable(),
    columns: (name) => columns(name),
    log: (...parts) => host.log(line(parts)),
  });
  defineProperty(g, 'game', { value: game, writable: false, configurable: false, enumerable: false });

  for (const o of [Math, JSON, Reflect, Object, Object.prototype, Function.prototype, Array.prototype,
                   String.prototype, Number.prototype, Boolean.prototype, RealDate.prototype, GameDate,
                   Promise, Promise.prototype]) {
    freeze(o);
  }

  return freeze({
    wrapPack(pack) {
      const registrar = crossing(pack, 'pack', PACK_PARAMS);
      return freeze({
        command: (spec) => registrar.command(spec),
        on: (event, handler) => registrar.on(event, handler),
        every: (interval, handler) => registrar.every(interval, handler),
        timer: (name, handler) => registrar.timer(name, handler),
        tunable: (name, spec) => registrar.tunable(name, spec),
        columns: (name, spec) => registrar.columns(name, spec),
      });
    },
    callCommand(run, data) {
      const ctx = freeze(assign({}, data, {
        reply: (text, payload) => game.send(data.player, 'message', text, payload),
      }));
      return run(ctx);
    },
  });
})
