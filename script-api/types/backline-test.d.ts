/// <reference path="./backline.d.ts" />
/**
 * Backline script test API: what a pack's `*.test.js` modules get. Run them with
 * `./backline test-scripts [pack]` (and `./backline test` runs them too).
 *
 * A test module's default export declares its tests. Each test then runs in a fresh evaluation of the
 * module and against a fresh world: the world data, every pack of the scripts directory loaded, a
 * virtual game clock, and a seeded random sequence. Test code lives by the packs' sandbox rules (no
 * `Java`, no timers, imports only from its own pack); `game` does not exist in it: drive the world
 * through the handle `w`. Everything `w` returns is plain data.
 *
 * `TestApiContractTest` keeps this file in step with the runner.
 *
 * @example
 * // scripts/my-pack/tests/wave.test.js
 * export default (t) => {
 *   t.test('wave answers', (w) => {
 *     const ann = w.join('Ann');
 *     w.expect(ann.say('wave')).toBe('You wave.');
 *     w.advance('2h');
 *     w.expect(ann.transcript()).toContain('Time to practise!');
 *   });
 * };
 */

/** A test body: it gets a fresh world; it may be async (there are no timers: `w.advance` moves time). */
type TestFunction = (w: TestWorld) => void | Promise<void>;

interface TestOptions {
  /** Seed of the world's RNG and of the test's own `Math.random()`. Default: the same for every test. */
  seed?: number;
  /** CPU-time budget of the test in milliseconds (its world's work included). Default: 10000. */
  timeout?: number;
}

/** What a test module's default export receives. Every method throws once the export has returned. */
interface Tests {
  /**
   * Declares a test.
   * @throws TypeError for an empty name, a missing function or an unknown option
   * @throws Error if the file already has a test of the same full name
   * @since 1
   */
  test(name: string, fn: TestFunction, options?: TestOptions): void;
  /** Declares a test that is reported as skipped and not run. @since 1 */
  skip(name: string, fn?: TestFunction, options?: TestOptions): void;
  /** Groups tests: their names become `group › name`; hooks declared inside apply to the group only. @since 1 */
  describe(name: string, body: () => void): void;
  /** Runs before each test of the enclosing group (outer hooks first), on the test's world. @since 1 */
  beforeEach(fn: TestFunction): void;
  /** Runs after each test of the enclosing group (inner hooks first), even when the test failed. @since 1 */
  afterEach(fn: TestFunction): void;
}

/** An event a player received: what a client would get as a frame. */
interface PlayerEvent {
  type: string;
  text: string | null;
  payload: { [key: string]: Plain } | null;
  /** The id of the command that caused it, or null. */
  requestId: string | null;
}

/** A scripted player, from `w.join`. */
interface TestPlayer {
  /** `"player:ann"` for Ann. */
  readonly id: EntityId;
  readonly name: string;
  /** Types a command, runs a tick, and returns the texts of the events it caused, joined by new lines (events without text, like `stat_update`, add none). @since 1 */
  say(command: string): string;
  /** Types a command, runs a tick, and returns the events it caused for this player. @since 1 */
  send(command: string): PlayerEvent[];
  /** Every event received since joining (or since `clear`), optionally only of one type. @since 1 */
  events(type?: string): PlayerEvent[];
  /** The last event received, optionally of one type, or null. @since 1 */
  last(type?: string): PlayerEvent | null;
  /** Every text received, one per line. @since 1 */
  transcript(): string;
  /** Forgets what was received so far. @since 1 */
  clear(): void;
  /** Disconnects (the packs see `playerLeave`). @since 1 */
  leave(): void;
}

/** An engine event raised in the test's world. */
interface EngineEvent {
  name: keyof EventMap;
  data: { [key: string]: Plain };
}

/** A script error a pack reported during the test. */
interface ScriptFaultView {
  pack: string;
  file: string | null;
  line: number;
  column: number;
  hook: string;
  kind: 'error' | 'syntax' | 'timeout' | 'resource' | 'load';
  message: string;
  /** `pack/file:line:column` */
  location: string;
}

/** The test's world, as the handle `w`. */
interface TestWorld {
  /**
   * Connects a player (creating them on first join) and runs a tick; the packs see `playerEnter`.
   * @throws TypeError if the name is not letters, digits, `-` and `_` starting with a letter (at most 32)
   * @since 1
   */
  join(name: string): TestPlayer;
  /**
   * Runs ticks until `duration` of game time has passed (`"90m"`, `"2d"`, milliseconds), in moments
   * of real time; timers and `every` handlers fire on the way. @returns the game time then.
   * @throws TypeError if the duration is malformed
   * @since 1
   */
  advance(duration: GameDuration): number;
  /** Runs `n` ticks (default 1). @returns the number of the last tick. @since 1 */
  tick(n?: number): number;
  /** Game time in epoch milliseconds; `Date.now()` in test code returns the same. @since 1 */
  now(): number;
  /** @returns a copy of the entity, or null. @throws TypeError for a malformed id. @since 1 */
  entity(id: EntityId): EntityView | null;
  /** @returns what `id` holds, optionally only of one kind. @throws TypeError for a malformed id. @since 1 */
  contents(id: EntityId, kind?: string): EntityView[];
  /** @returns a value of a pack's state store (what `game.state` reads; default: the pack under test), or null. @since 1 */
  state(key: string, pack?: string): Plain;
  /** Sets a property to arrange a test; `null` removes it. @throws Error if there is no such entity. @since 1 */
  setProp(id: EntityId, key: string, value: Plain): void;
  /** Gives a connected player a role, as the server does from the account; `game.role` reads it. @throws Error if the player is not connected. @since 1 */
  setRole(player: EntityId, role: 'player' | 'gm' | 'admin'): void;
  /** Moves an entity (its `roomExit`/`roomEnter` handlers run at once). @throws Error if either does not exist. @since 1 */
  move(id: EntityId, to: EntityId | null): void;
  /** Creates an entity to arrange a test. @returns its id. @throws Error if the id is taken or the container does not exist. @since 1 */
  spawn(spec: { kind: string; id?: EntityId; template?: EntityId; container?: EntityId; tags?: string[];
                props?: { [key: string]: Plain } }): EntityId;
  /** The engine events raised so far (`playerEnter`, `playerLeave`, `roomEnter`, `roomExit`), optionally of one name. @since 1 */
  events(name?: keyof EventMap): EngineEvent[];
  /**
   * The script errors the packs reported during the test. A test during which a pack reports an error
   * fails, unless the test reads them with this (then it decides).
   * @since 1
   */
  faults(): ScriptFaultView[];
  /** Reloads a pack (default: the pack under test) from its files, as live-ops would. @since 1 */
  reload(pack?: string): { ok: boolean; generation: number; errors: string[] };
  /** Starts an assertion; a failed one fails the test with its file:line:column. @since 1 */
  expect: Expect;
}

/** `w.expect(value, label?)`: `label` prefixes the failure message. */
type Expect = (actual: unknown, label?: string) => Matchers;

/** Assertions; each throws an `AssertionError` naming what was expected and what was found. */
interface Matchers {
  /** The same assertions, negated. @since 1 */
  not: Omit<Matchers, 'not'>;
  /** `Object.is` equality. @since 1 */
  toBe(expected: unknown): void;
  /** Deep equality of plain data (properties that are `undefined` are ignored). @since 1 */
  toEqual(expected: unknown): void;
  /** The value has at least the given properties, deeply; arrays must match element by element. @since 1 */
  toMatchObject(subset: object): void;
  /** A string contains the text, or an array an element equal (deeply) to `item`. @since 1 */
  toContain(item: unknown): void;
  /** A string matches the regular expression, or contains the text. @since 1 */
  toMatch(pattern: RegExp | string): void;
  /** @since 1 */
  toHaveLength(length: number): void;
  /** The property at `path` (`"a.b"` or `['a', 'b']`) exists, and equals `value` when given. @since 1 */
  toHaveProperty(path: string | string[], value?: unknown): void;
  /** @since 1 */
  toBeGreaterThan(n: number): void;
  /** @since 1 */
  toBeGreaterThanOrEqual(n: number): void;
  /** @since 1 */
  toBeLessThan(n: number): void;
  /** @since 1 */
  toBeLessThanOrEqual(n: number): void;
  /** @since 1 */
  toBeTruthy(): void;
  /** @since 1 */
  toBeFalsy(): void;
  /** @since 1 */
  toBeNull(): void;
  /** @since 1 */
  toBeUndefined(): void;
  /** @since 1 */
  toBeDefined(): void;
  /**
   * Calls the function and expects it to throw: any error, one whose message contains the text or
   * matches the pattern, or one of the given class.
   * @since 1
   */
  toThrow(expected?: string | RegExp | (new (...args: any[]) => Error)): void;
}
