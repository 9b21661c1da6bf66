// The admin console in headless Chromium: built when web/dist is missing, opened with every request, console error
// and CSP violation recorded, and signed in through its own form as a person would.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** `npm install` builds the console (prepare); a checkout without it gets one build here. */
export async function ensureConsoleBuilt(): Promise<void> {
  if (existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) return;
  // A production build, as npm install makes (vitest's NODE_ENV=test would make Vite build React's development one).
  await promisify(execFile)('npm', ['run', 'console:build'], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' } });
}

export interface ConsolePage {
  page: Page;
  requests: string[];
  errors: string[];
  violations: string[];
  close(): Promise<void>;
}

/** The console's address on a test server whose url is …/graphql. */
export function consoleUrl(serverUrl: string, route = ''): string {
  return new URL(`/admin${route}`, serverUrl).toString();
}

export async function openConsole(browser: Browser, serverUrl: string, options: { token?: string; route?: string } = {}): Promise<ConsolePage> {
  const context = await browser.newContext();
  const requests: string[] = [];
  const errors: string[] = [];
  const violations: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  // A step that cannot happen fails with the locator it waited for, well before the test's own timeout.
  page.setDefaultTimeout(8_000);
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  // WebSockets are not requests to Playwright: record where they go too.
  page.on('websocket', (socket) => requests.push(socket.url()));
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript((token) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
    // A token put in sessionStorage before the first load only (a reload keeps whatever the console left there).
    if (token && !sessionStorage.getItem('gatehouse.seeded')) {
      sessionStorage.setItem('gatehouse.seeded', '1');
      sessionStorage.setItem('gatehouse.token', token);
    }
  }, options.token ?? null);
  await page.goto(consoleUrl(serverUrl, options.route));
  return { page, requests, errors, violations, close: () => context.close() };
}

export async function signInThroughForm(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
