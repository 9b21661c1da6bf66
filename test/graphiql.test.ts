// GraphiQL in a real headless Chromium: the page and everything it loads come from Gatehouse's own origin, under a
// strict Content-Security-Policy, and the README's first example operation runs from its editor.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_CSP } from '../src/http/graphiql.js';
import { launchChromium } from './helpers/browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startServer, type TestServer } from './helpers/server.js';

/** The README's first GraphiQL operation, with this server's admin (the README's is the default one) filled in. */
async function firstReadmeExample(): Promise<string> {
  const readme = await readFile(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.search(/^## .*GraphiQL/m));
  const block = section.match(/```graphql\n([\s\S]*?)```/);
  if (!block?.[1]) throw new Error('no graphql example in the README’s GraphiQL section');
  return block[1].replace(/admin@localhost/g, ADMIN_EMAIL).replace(/<printed password>/g, ADMIN_PASSWORD);
}

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({}, { graphiql: true, introspection: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Opens GraphiQL, recording every request the page (and its workers) made and every CSP violation. */
async function openGraphiQL(): Promise<{ page: Page; requests: string[]; violations: string[]; errors: string[] }> {
  // The clipboard: a person pastes the README's example into the editor (typed, the editor would close brackets).
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const requests: string[] = [];
  const violations: string[] = [];
  const errors: string[] = [];
  context.on('request', (request) => requests.push(request.url()));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { reportViolation: (t: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(server.url);
  return { page, requests, violations, errors };
}

describe('GraphiQL', () => {
  it('is served with a strict Content-Security-Policy and no third-party origin in the page', async () => {
    const res = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(GRAPHIQL_CSP);
    const html = await res.text();
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      expect(asset.startsWith('/graphiql/')).toBe(true);
      const file = await fetch(new URL(asset, server.url), { headers: { 'accept-encoding': 'gzip' } });
      expect(file.status, asset).toBe(200);
      expect(file.headers.get('cache-control')).toContain('immutable');
    }
    expect((await fetch(new URL('/graphiql/nothing.js', server.url))).status).toBe(404);
  });

  it('runs the README’s first example from the editor, with every request to its own origin', async () => {
    const { page, requests, violations, errors } = await openGraphiQL();
    try {
      const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
      await editor.waitFor({ timeout: 20_000 });
      await editor.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.evaluate((text) => navigator.clipboard.writeText(text), await firstReadmeExample());
      await page.keyboard.press('ControlOrMeta+V');
      await expect.poll(() => editor.innerText(), { timeout: 5_000 }).toContain('AdminSignIn');
      // GraphiQL reads the document's operations a moment after an edit (debounced), as a person would wait to run it.
      await page.waitForTimeout(1_000);
      await page.keyboard.press('ControlOrMeta+Enter');
      const response = page.locator('.graphiql-response');
      await expect.poll(async () => (await response.innerText()).replace(/\s+/g, ' '), { timeout: 20_000 }).toContain('"__typename": "Session"');
      expect(await response.innerText()).toContain('"token"');

      const origin = new URL(server.url).origin;
      // The page, its script, styles and favicon, the editor's workers, and the operations it sent.
      expect(requests.filter((url) => url.includes('.worker.')).length).toBeGreaterThanOrEqual(2);
      expect(requests.filter((url) => url === server.url).length).toBeGreaterThanOrEqual(2);
      expect(requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 60_000);
});
