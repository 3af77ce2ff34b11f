/**
 * Backline script API, version 1 (`apiVersion: 1` in pack.yaml).
 *
 * A pack's entry module exports `register(pack)`, which declares everything the pack adds: commands,
 * event handlers and timers. Handlers then use the global `game` object to read and change the world.
 * Everything that crosses between the engine and scripts is plain data (objects, arrays, strings,
 * numbers, booleans, null): entities are referred to by id, never by reference.
 *
 * `ApiContractTest` keeps this file in step with the engine.
 *
 * @example
 * export function register(pack: Pack) {
 *   pack.command({ name: 'wave', help: 'Wave at the room.', run(ctx) {
 *     const me = game.entity(ctx.player)!;
 *     game.toRoom(me.container!, `${me.props.name} waves.`, { except: ctx.player });
 *     ctx.reply('You wave.');
 *   }});
 * }
 */

/** A namespaced entity id such as `"city:rehearsal-room"` or `"player:alice"`. */
type EntityId = string;

/** Plain, JSON-compatible data. */
type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Plain data that is frozen all the way down: writing to it throws a TypeError. Spread it to get a copy to change. */
type ReadonlyPlain = null | boolean | number | string | readonly ReadonlyPlain[] | { readonly [key: string]: ReadonlyPlain };

/** A game-time duration: milliseconds, or text such as `"30s"`, `"5m"`, `"2h"`, `"1d 6h"`, `"1w"`. */
type GameDuration = number | string;

/**
 * An entity as it was when read: a read-only snapshot, frozen all the way down, shared by every read until
 * the entity changes (so reading it again is cheap, and `game.entity(id) === game.entity(id)` while nothing
 * changed). Writing to it throws a TypeError; to change the entity call `game.setProp`, `game.tag` or
 * `game.move`, and read it again to see the change. To build a new value from an old one, copy it:
 * `game.setProp(id, 'gear', { ...me.props.gear, amp: 'tube' })`.
 */
interface EntityView {
  readonly id: EntityId;
  /** `"room"`, `"player"`, `"npc"`, `"item"`, … */
  readonly kind: string;
  readonly template: EntityId | null;
  /** What holds it: a room for players and items on the floor, a player for carried items. */
  readonly container: EntityId | null;
  readonly tags: readonly string[];
  readonly props: { readonly [key: string]: ReadonlyPlain };
}

/** What a command handler receives. */
interface CommandContext {
  /** The player who typed the command. */
  readonly player: EntityId;
  /** The client's request id, echoed on every event this command sends to the player. */
  readonly id: string | null;
  /** The command's registered name, even when typed by an alias. */
  readonly verb: string;
  /** The word actually typed (`"n"` for `north`). */
  readonly typed: string;
  /** Everything after the verb, trimmed. */
  readonly args: string;
  /** `args` split on white space. */
  readonly argv: string[];
  /**
   * Sends a `message` event to the player who typed the command.
   * @throws TypeError if `payload` is not a plain object
   */
  reply(text: string, payload?: { [key: string]: Plain }): boolean;
}

interface CommandSpec {
  /** A lower-case word (letters, digits, `-`, `_`; at most 32) or a single symbol like `'`. */
  name: string;
  aliases?: string[];
  /** One line, at most 200 characters; `help` shows it. */
  help: string;
  /** Shown by `help <command>`, e.g. `"give <item> <player>"`. Defaults to the name. */
  usage?: string;
  run(ctx: CommandContext): void;
}

interface PresenceEvent {
  player: EntityId;
  name: string;
  /** The room the player is in (playerEnter) or was in (playerLeave). */
  room: EntityId | null;
  reason: 'login' | 'reconnect' | 'logout';
}

interface MoveEvent {
  entity: EntityId;
  kind: string;
  from: EntityId | null;
  to: EntityId | null;
}

/** The events the engine raises, with the data each handler receives. */
interface EventMap {
  /** A player connected (or reconnected) and is in a room. */
  playerEnter: PresenceEvent;
  /** A player disconnected; `room` is where they were. */
  playerLeave: PresenceEvent;
  /** Something other than a room moved into a room. */
  roomEnter: MoveEvent;
  /** Something other than a room moved out of a room. */
  roomExit: MoveEvent;
  /** Every tick (10 per second by default): keep these handlers short. */
  tick: { tick: number; now: number };
}

/** Passed to `register(pack)`. Every method throws if called after `register` has returned. */
interface Pack {
  /**
   * Adds a command.
   * @throws Error if the name or an alias is malformed or already taken, or `help`/`run` is missing
   * @since 1
   */
  command(spec: CommandSpec): void;
  /**
   * Subscribes to an engine event. Handlers run on the world thread after the command or timer that
   * caused the event, never inside it.
   * @throws Error for an unknown event name or a handler that is not a function
   * @since 1
   */
  on<K extends keyof EventMap>(event: K, handler: (event: EventMap[K]) => void): void;
  /**
   * Runs `handler` every `interval` of game time, at whole multiples of the interval counted from
   * 1970-01-01 00:00 game time: `'1d'` runs at midnight, `'1h'` on the hour, `'1w'` on Thursdays at
   * midnight. Reloads and restarts keep to that calendar: a run is neither repeated nor skipped.
   * @throws Error if the interval is not a duration of at least 1 ms
   * @since 1
   */
  every(interval: GameDuration, handler: () => void): void;
  /**
   * Declares a named timer handler for `game.after`. Timers are looked up by name when they fire, so
   * they survive a reload of the pack.
   * @throws Error if the name is malformed or already registered
   * @since 1
   */
  timer(name: string, handler: (data: Plain) => void): void;
  /**
   * Declares a tunable: a named value live-ops may change while the game runs (`PUT /admin/tunables/...`),
   * validated against its type and range, effective from the next tick, revertible. A `boolean` tunable is a
   * feature flag. Read it with `game.tunable(name)` where it is used (not once at load time), so a change
   * counts at once. Values set by live-ops survive reloads that still declare the tunable with a type and
   * range that accept them.
   * @example pack.tunable('xpRate', { type: 'number', default: 1, min: 0, max: 10, help: 'XP multiplier' });
   * @throws Error if the name is malformed or already declared, the type is unknown, or the default does not fit
   * @since 1
   */
  tunable(name: string, spec: TunableSpec): void;
  /**
   * Declares a column set: numeric properties of every entity of one kind, which `game.columns(name)` hands to a
   * handler as `Float64Array`s, one per property, so a rule over many entities runs as one loop per tick
   * instead of a `game.prop`/`game.setProp` call per entity and property (microseconds each).
   * @example pack.columns('herd', { kind: 'npc', props: { energy: 100, hunger: 0, x: 0, y: 0 } });
   * @throws Error if the name is malformed or already declared, `kind` is not a string, or `props` is not an
   *   object of 1 to 64 property names with finite default numbers (`count`, `id` and `row` are reserved)
   * @since 1
   */
  columns(name: string, spec: ColumnsSpec): void;
}

/** The declaration of a column set (`pack.columns`). */
interface ColumnsSpec {
  /** The kind of entity whose properties the columns hold, e.g. `'npc'`: every entity of it gets a row. */
  kind: string;
  /**
   * The properties, each with the number an entity without that property reads (writing a new value there adds
   * the property). A property that holds something other than a number reads as `NaN`, and stays as it is
   * unless a number is written.
   */
  props: { [prop: string]: number };
}

/**
 * A column set as `game.columns(name)` returns it: one `Float64Array` per declared property (row `i` of each is
 * the same entity), plus `count`, `id` and `row`. Reading and writing the arrays costs what any typed array
 * costs; what the handler changed is written into the entities' properties when the handler returns (or throws),
 * and saved with the world like any property change. Only finite numbers are written: a `NaN` or `Infinity` is
 * reported as a script error, and that property keeps its value. Name the properties for exact types:
 * `game.columns<'energy' | 'hunger'>('herd')`.
 */
type Columns<P extends string = string> = { readonly [prop in P]: Float64Array } & {
  /** The number of rows: the entities of the kind as of this call. */
  readonly count: number;
  /** @returns the id of the entity in `row`. @throws Error if `row` is not a row. */
  id(row: number): EntityId;
  /** @returns the row of the entity `id` in this call, or -1. @throws TypeError for a malformed id. */
  row(id: EntityId): number;
};

/** The declaration of a tunable (`pack.tunable`). */
interface TunableSpec {
  /** `number` (any finite number), `integer` (whole), `boolean` (a feature flag) or `string`. */
  type: 'number' | 'integer' | 'boolean' | 'string';
  /** The value until live-ops change it; must fit the type, range and options. */
  default: number | boolean | string;
  /** Lowest value (number, integer). */
  min?: number;
  /** Highest value (number, integer). */
  max?: number;
  /** The only values a string may take. */
  options?: string[];
  /** What it does, for live-ops. */
  help?: string;
}

/** Options of `game.toRoom`. */
interface RoomMessageOptions {
  /** Event type, `"message"` by default. */
  type?: string;
  payload?: { [key: string]: Plain };
  /** A player id, or several, who should not receive it (usually the actor). */
  except?: EntityId | EntityId[];
}

/** The world, as scripts see it. */
interface Game {
  /** @returns the entity's read-only view, or null if there is none. @throws TypeError for a malformed id. @since 1 */
  entity(id: EntityId): EntityView | null;
  /**
   * @returns a new array (yours to filter and sort) of the read-only views of what `id` holds, optionally only of
   * one kind; empty if `id` does not exist. @throws TypeError for a malformed id. @since 1
   */
  contents(id: EntityId, kind?: string): EntityView[];
  /** @returns one property, read-only as in the entity's view, or null. @throws TypeError for a malformed id. @since 1 */
  prop(id: EntityId, key: string): ReadonlyPlain;
  /** Sets a property; `null` removes it. @throws Error if the entity does not exist or the value is not plain data. @since 1 */
  setProp(id: EntityId, key: string, value: Plain): void;
  /** Adds (or with `present` false removes) a tag. @throws Error if the entity does not exist. @since 1 */
  tag(id: EntityId, tag: string, present?: boolean): void;
  /**
   * Moves an entity into a room or container (`to` null takes it out of the world). Raises
   * `roomExit`/`roomEnter`. @throws Error if either does not exist or it would contain itself. @since 1
   */
  move(id: EntityId, to: EntityId | null): void;
  /**
   * Creates an entity and returns its id (generated when `id` is omitted).
   * @throws Error if the id is taken, the container does not exist, or `props` is not plain data
   * @since 1
   */
  spawn(spec: { kind: string; id?: EntityId; template?: EntityId; container?: EntityId; tags?: string[];
                props?: { [key: string]: Plain } }): EntityId;
  /** Removes an entity; what it held falls into its container. @throws Error for a connected player. @since 1 */
  remove(id: EntityId): void;
  /**
   * Sends an event to one player. Inside a command, events to the commanding player carry its request id.
   * @returns false if the player is not online
   * @throws Error if `type` is not snake_case or `payload` is not a plain object
   * @since 1
   */
  send(player: EntityId, type: string, text?: string | null, payload?: { [key: string]: Plain }): boolean;
  /** `send(player, 'message', text, payload)`. @since 1 */
  tell(player: EntityId, text: string, payload?: { [key: string]: Plain }): boolean;
  /** Sends an event to every player in a room. @returns how many received it. @since 1 */
  toRoom(room: EntityId, text: string, options?: RoomMessageOptions): number;
  /** The players online now. @since 1 */
  online(): { id: EntityId; name: string; room: EntityId | null }[];
  /** @since 1 */
  isOnline(player: EntityId): boolean;
  /**
   * @returns a new array of the read-only views of the connected players in `room` (players whose connection
   * dropped and who may still come back stay in the room, but are not listed); empty if `room` does not exist.
   * One call, where filtering `contents(room, 'player')` with `isOnline` costs one per player.
   * @throws TypeError for a malformed id. @since 1
   */
  playersIn(room: EntityId): EntityView[];
  /** Every registered command, sorted by name (what `help` shows). @since 1 */
  commands(): { name: string; aliases: string[]; help: string; usage: string; pack: string }[];
  /** Game time in epoch milliseconds; `Date.now()` and `new Date()` use it too. @since 1 */
  now(): number;
  /** The number of the current tick. @since 1 */
  tick(): number;
  /**
   * Runs the pack's timer `timer` (see `pack.timer`) after `delay` of game time with `data`. Pending
   * timers are saved with the world: after a restart they fire at the same game time, and handles stay
   * valid for `game.cancel`.
   * @returns a handle for `game.cancel`
   * @throws Error if the delay is not a duration, `data` is not plain data, or 100,000 timers are pending
   * @since 1
   */
  after(delay: GameDuration, timer: string, data?: Plain): number;
  /** @returns whether a pending timer was cancelled. @since 1 */
  cancel(handle: number): boolean;
  /**
   * A value from the pack's own state store, or null. The store is saved with the world: it survives
   * reloads and restarts (module variables do not). When the pack's version changes, `migrate` receives
   * it, also at the first start after an update.
   * @throws Error if the key is empty or longer than 128 characters
   * @since 1
   */
  state(key: string): Plain;
  /**
   * The current value of a tunable this pack declared with `pack.tunable`: its default until live-ops change
   * it. Changes take effect between ticks, so one handler sees one value.
   * @throws Error if the pack declares no tunable of that name
   * @since 1
   */
  tunable(name: string): number | boolean | string;
  /**
   * What the account playing this character may do beyond playing, for commands meant for game masters:
   * `'player'`, `'gm'` or `'admin'` (an admin may do what a GM may). Set by the server from the account when
   * the player connects; scripts cannot change it.
   * @returns the role, or null if the player is not connected
   * @throws Error if `player` is not an entity id
   * @since 1
   */
  role(player: EntityId): 'player' | 'gm' | 'admin' | null;
  /**
   * Records an action of consequence, such as a game master's command, in the server's audit log (queryable
   * with `GET /admin/audit`): who did it (usually `ctx.player`), a dotted action name (stored as
   * `<pack>/<action>`), what it was done to, and plain-data details, e.g. `{before, after}`.
   * @example game.audit(ctx.player, 'gm.teleport', target, { from, to });
   * @throws Error if actor or action is not a non-empty string, or details is not plain data
   * @since 1
   */
  audit(actor: string, action: string, subject?: string | null, details?: { [key: string]: Plain }): void;
  /**
   * Stores plain data in the pack's state store; `null` removes the key. An object stored under the key
   * `"world"` is public: `GET /api/world` shows its fields (with the engine's clock) to anyone.
   * @throws Error if the key is empty or longer than 128 characters, or the value is not plain data. @since 1
   */
  setState(key: string, value: Plain): void;
  /**
   * Marks the running command's effects as of real value (a purchase, a trade): once the handler returns,
   * everything changed so far is written to the database before the player hears about it. The events the
   * command sends to its own player wait until the write is stored; if it fails, the player gets an error
   * event with code `unavailable` instead. Other players' events are not held. Call it first, before
   * changing anything: while the database is known to be away it throws at once, the player gets the
   * `unavailable` error, and a handler that let the exception end it has changed nothing.
   *
   * Without a database (the script test runner) the answer goes out as soon as the command ends.
   *
   * @example
   * run(ctx) {
   *   game.durable();                      // first: throws while the database is away
   *   game.setProp(ctx.player, 'coins', coins - price);
   *   game.spawn({ kind: 'item', template: 'item:guitar', container: ctx.player });
   *   ctx.reply('You bought a guitar.');   // sent once both changes are stored
   * }
   * @throws Error outside a command handler, or (code `unavailable`) while the database is away
   * @since 1
   */
  durable(): void;
  /** Writes a line to the server log, tagged with the pack and tick. @since 1 */
  log(...parts: unknown[]): void;
  /**
   * The column set `name` (declared with `pack.columns`), up to date: a row for every entity of its kind, in a
   * stable order (by id, then by creation), with each property's value. Call it in every handler that uses it;
   * it is cheap, and returns the same arrays while no entity of the kind was created or removed. Rows move when
   * entities are created or removed between calls: keep ids (`table.id(row)`), not row numbers.
   *
   * Changes reach the entities when the handler ends: inside it, read and write these properties through the
   * columns (`game.prop` still sees the value from before the handler).
   * @example
   * pack.every('100ms', () => {
   *   const { count, energy } = game.columns('herd');
   *   for (let i = 0; i < count; i++) energy[i] = Math.max(0, energy[i] - 0.1);
   * });
   * @throws Error if the pack declares no column set of that name, or while the pack loads and in `check()`
   * @since 1
   */
  columns<P extends string = string>(name: string): Columns<P>;
}

/** The world. Frozen: it cannot be replaced or extended. */
declare const game: Game;
