// Shared by the browser scenarios: launches Debian's Chromium (never a downloaded browser) through
// playwright-core, opens players' pages on the server at BACKLINE_URL, and reports one line per scenario:
// "ok <name>" and exit 0, or "FAIL <name>: <why>" and exit 1 (with a screenshot in BROWSER_OUT).
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BASE = process.env.BACKLINE_URL ?? 'http://127.0.0.1:8080';
export const OUT = process.env.BROWSER_OUT ?? join(tmpdir(), 'backline-browser');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT = 20_000;
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A fresh name for a test player: a letter first, at most 20 characters. */
export function playerName(prefix) {
  return `${prefix}${Math.floor(Math.random() * 1e6)}`.slice(0, 20);
}

/** A browser; playwright gives every launch a fresh, temporary profile (user-data-dir) and removes it on close. */
export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/** A page of its own (own cookies and storage) at `viewport`, showing the client. */
export async function openClient(browser, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  await page.goto(BASE);
  return page;
}

/** Fills the log-in form and presses "Log in" or "Create account". */
export async function submitAuth(page, name, password, button) {
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: button }).click();
}

/** Creates an account through the form and waits for the game screen and the first room. */
export async function registerAndPlay(page, name, password = 'correct horse') {
  await submitAuth(page, name, password, 'Create account');
  await page.locator('#game-screen').waitFor({ state: 'visible' });
  await page.locator('#room-name:not(.empty)').waitFor();
}

/** Types a command into the console. */
export async function command(page, text) {
  const input = page.getByLabel('Command', { exact: true });
  await input.fill(text);
  await input.press('Enter');
}

/** Waits until a console line contains `text`; returns that line's text. */
export async function awaitLine(page, text) {
  const line = page.locator('#log .line', { hasText: text }).last();
  await line.waitFor();
  return line.textContent();
}

export function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** Runs a scenario with a browser, prints its verdict and exits with 0 or 1. */
export async function scenario(name, body) {
  mkdirSync(OUT, { recursive: true });
  let browser;
  try {
    browser = await launch();
  } catch (e) {
    console.log(`FAIL ${name}: Chromium (${CHROMIUM}) did not start: ${e.message}`);
    process.exit(1);
  }
  const pages = [];
  const open = async (viewport) => {
    const page = await openClient(browser, viewport);
    pages.push(page);
    return page;
  };
  let code = 0;
  try {
    await body(open);
    const errors = pages.flatMap((p) => p.errors);
    check(errors.length === 0, `script errors in the page: ${errors.join('; ')}`);
    console.log(`ok ${name}`);
  } catch (e) {
    code = 1;
    console.log(`FAIL ${name}: ${e.stack ?? e}`);
    for (const [i, page] of pages.entries()) {
      await page.screenshot({ path: join(OUT, `${name}-failed-${i}.png`), fullPage: true }).catch(() => {});
    }
  } finally {
    await browser.close().catch(() => {});
  }
  process.exit(code);
}
