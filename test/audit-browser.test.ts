import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { archlint } from './cli-helpers.js';

// Overridable so the skip path can be tried on a machine that has Chromium.
const CHROMIUM = process.env.ARCHLINT_TEST_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(`audit browser test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)`);
}

// A real browser renders the report from disk, as a reader would open it, and must fetch nothing.
describe.skipIf(!hasChromium)('audit report in headless Chromium', () => {
  let browser: Browser;
  const out = path.join(os.tmpdir(), `archlint-audit-browser-${process.pid}`);
  const report = path.join(out, 'report.html');

  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    const run = archlint(['audit', 'fixtures/audit-layers', '-o', report]);
    expect(run.status, run.stderr).toBe(0);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('renders the layer diagram and the tables, fetching nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(report).href);

    const svg = page.locator('#layer-diagram svg');
    await expect(svg.count()).resolves.toBe(1);
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(150);

    const layers = await page.locator('#layer-diagram g.node.layer title').allTextContents();
    expect(layers.sort()).toEqual(['api', 'application', 'domain', 'infrastructure']);
    const cyclic = await page.locator('#layer-diagram g.node.cycle title').allTextContents();
    expect(cyclic.sort()).toEqual(['application', 'domain', 'infrastructure']);

    // Graphviz names an edge "from->to" in its <title>; the violating ones are drawn red.
    const violations = page.locator('#layer-diagram g.edge.violation');
    expect((await violations.locator('title').allTextContents()).sort()).toEqual(['api->infrastructure', 'domain->infrastructure']);
    const stroke = await violations.first().locator('path').first().evaluate((p) => getComputedStyle(p).stroke);
    expect(stroke).toBe('rgb(220, 38, 38)');
    expect(await violations.first().locator('text').textContent()).toContain('1 import');

    // The tables are there and hold the run's numbers.
    const ruleIds = await page.locator('#rules > table tbody tr td:first-child').allTextContents();
    expect(ruleIds).toEqual(['layers/allowed-dependencies', 'logging/no-console']);
    // Rules that found nothing are listed, folded away.
    expect(await page.locator('#quiet-rules').isVisible()).toBe(true);
    expect(await page.locator('#quiet-rules table').isVisible()).toBe(false);
    const allowedRow = page.locator('#rules > table tbody tr', { hasText: 'layers/allowed-dependencies' });
    expect(await allowedRow.locator('td').nth(2).textContent()).toBe('2');
    expect(await page.locator('#packs tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('#files tbody tr td:first-child').first().textContent()).toBe('src/api/orders-controller.ts');
    expect(await page.locator('#layers table tbody tr').count()).toBe(7);
    const totalsVisible = await page.locator('#totals').isVisible();
    expect(totalsVisible).toBe(true);

    expect(requests).toEqual([]);
    await page.screenshot({ path: path.join(out, 'report.png'), fullPage: true });
    await page.locator('#layers').screenshot({ path: path.join(out, 'layers.png') });
    expect(existsSync(path.join(out, 'report.png'))).toBe(true);
    console.info(`audit report screenshot: ${path.join(out, 'report.png')}`);
    await page.close();
  }, 60_000);
});

