// SPDX-License-Identifier: MIT
// End-to-end test of the dashboard in headless Chromium (playwright-core):
// the page loads with no outside requests and no script errors, the map has
// country shapes, event markers and importation arrows, the alerts and events
// lists render, and clicking an event shows its article with the evidence in a
// <mark> whose text equals the event's quote. A second run over an empty store
// must show "no data". The alerts panel shows merged alerts with their severity,
// baseline and evidence, and an alert can be dismissed and restored.
// Run by tests/dashboard_e2e.sh.
'use strict';

const { chromium } = require(process.env.PLAYWRIGHT_CORE);

const [fullUrl, emptyUrl, screenshot] = process.argv.slice(2);
let failures = 0;
// What each page asked of the API and got (status, milliseconds), and the problems
// seen: printed when a check fails, so that a failure says what the server did.
const apiLog = [];
const allProblems = [];

function check(ok, what) {
  console.log((ok ? 'ok   ' : 'FAIL ') + what);
  if (!ok) failures++;
}

async function openDashboard(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  const origin = new URL(url).origin;
  const sent = new Map();
  page.on('pageerror', (error) => problems.push('script error: ' + error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push('console error: ' + message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push('HTTP ' + response.status() + ': ' + response.url());
  });
  page.on('request', (request) => {
    if (!request.url().startsWith(origin)) problems.push('outside request: ' + request.url());
    sent.set(request, Date.now());
  });
  page.on('requestfinished', async (request) => {
    if (!request.url().includes('/api/')) return;
    const response = await request.response().catch(() => null);
    apiLog.push((response ? response.status() : 'no response') + ' ' +
                (Date.now() - sent.get(request)) + ' ms ' + request.url());
  });
  page.on('requestfailed', (request) => {
    problems.push('request failed (' + (request.failure() || {}).errorText + '): ' + request.url());
  });
  allProblems.push(problems);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return { page, problems };
}

async function testFullStore(browser) {
  const { page, problems } = await openDashboard(browser, fullUrl);
  const countries = await page.locator('#map path.country').count();
  check(countries > 100, 'map draws country shapes (' + countries + ')');
  const markers = await page.locator('#map circle.marker').count();
  check(markers >= 1, 'map has event markers (' + markers + ')');
  const routes = await page.locator('#map path.route').count();
  check(routes >= 1, 'map has importation arrows (' + routes + ')');
  const alerts = await page.locator('#alerts li.alert').count();
  check(alerts >= 1, 'alerts list renders (' + alerts + ')');
  const rows = page.locator('#events tbody tr.event');
  const rowCount = await rows.count();
  check(rowCount >= 1, 'events table renders (' + rowCount + ' rows)');
  await page.waitForSelector('#series path.line', { timeout: 10000 }).catch(() => {});
  check(await page.locator('#series path.line').count() >= 1, 'series chart draws a line');
  check(!(await page.locator('#stats').textContent()).includes('no data'), 'stats show the counts');

  // Every event of the first rows: its article's <mark> must hold exactly its quote.
  let marked = 0;
  let nonAscii = 0;
  for (let i = 0; i < Math.min(rowCount, 25); i++) {
    const row = rows.nth(i);
    const quote = await row.getAttribute('title');
    await row.click();
    await page.waitForFunction(
        (q) => { const m = document.querySelector('#article-text mark'); return m && m.textContent === q; },
        quote, { timeout: 5000 }).catch(() => {});
    const mark = await page.locator('#article-text mark').first().textContent().catch(() => null);
    check(mark === quote, 'row ' + i + ': <mark> equals the evidence quote');
    if (mark === quote) marked++;
    const before = await page.evaluate(() => {
      const box = document.getElementById('article-text');
      return box.firstChild && box.firstChild.nodeType === 3 ? box.firstChild.textContent : '';
    });
    if (/[^\x00-\x7f]/.test(before)) nonAscii++;
  }
  check(marked >= 1, 'at least one article opened with its evidence marked');
  check(nonAscii >= 1, 'an evidence after non-ASCII text is marked at the right place');
  await testAlerts(page);
  check(problems.length === 0, 'no script errors or outside requests' +
        (problems.length ? ': ' + problems.join('; ') : ''));
  await rows.first().click();
  await page.waitForSelector('#article-text mark');
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log('screenshot: ' + screenshot);
  await page.close();
}

// Alerts: merged alerts show their severity, baseline and evidence; an evidence
// sentence opens its article; dismissing hides an alert (also after a reload) and
// "dismissed" brings it back to restore.
async function testAlerts(page) {
  const alerts = page.locator('#alerts li.alert');
  const aberration = alerts.filter({ hasText: 'Rise in cases of measles in Ontario' });
  check(await aberration.count() === 1, 'the spike is one merged alert');
  const meta = await aberration.locator('.alert-meta').textContent();
  check(/baseline of [5-7] of 7 days reported/.test(meta), 'the alert says its baseline: ' + meta);
  check(/ears_c1/.test(meta), 'the alert lists its methods');
  check(['low', 'medium', 'high'].includes(await aberration.locator('.severity').textContent()),
        'the alert has a severity');
  await aberration.locator('details.evidence summary').click();
  const quote = aberration.locator('.reports a.quote').first();
  const sentence = await quote.textContent();
  check(/40 new cases of measles/.test(sentence), 'the evidence holds the report: ' + sentence);
  await quote.click();
  await page.waitForFunction(
      (q) => { const m = document.querySelector('#article-text mark'); return m && m.textContent === q; },
      sentence, { timeout: 5000 }).catch(() => {});
  check(await page.locator('#article-text mark').first().textContent() === sentence,
        'an evidence sentence opens its article, marked');

  const id = await aberration.getAttribute('data-alert-id');
  const before = await alerts.count();
  await aberration.locator('button.dismiss').click();
  await page.waitForFunction((n) => document.querySelectorAll('#alerts li.alert').length === n - 1,
                             before, { timeout: 5000 }).catch(() => {});
  check(await alerts.count() === before - 1, 'dismissing hides the alert');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  check(await page.locator(`#alerts li.alert[data-alert-id="${id}"]`).count() === 0,
        'a dismissed alert stays dismissed after a reload');
  check(/1 dismissed/.test(await page.locator('#alerts-summary').textContent()),
        'the panel counts the dismissed alert');
  await page.locator('#alerts-dismissed').check();
  const dismissed = page.locator(`#alerts li.alert.dismissed[data-alert-id="${id}"]`);
  await dismissed.waitFor({ timeout: 5000 }).catch(() => {});
  check(await dismissed.count() === 1, '"dismissed" shows it, marked');
  await dismissed.locator('button.dismiss').click();
  const restored = page.locator(`#alerts li.alert[data-alert-id="${id}"]:not(.dismissed)`);
  await restored.waitFor({ timeout: 5000 }).catch(() => {});
  check(await restored.count() === 1, 'restore brings it back');
  await page.locator('#alerts-dismissed').uncheck();
}

async function testEmptyStore(browser) {
  const { page, problems } = await openDashboard(browser, emptyUrl);
  check(await page.locator('#map path.country').count() > 100, 'empty store: map still drawn');
  check(await page.locator('#map circle.marker').count() === 0, 'empty store: no markers');
  const table = await page.locator('#events tbody').textContent();
  check(table.includes('no data'), 'empty store: events table says no data');
  check((await page.locator('#stats').textContent()).includes('no data'),
        'empty store: header says no data');
  check((await page.locator('#alerts').textContent()).includes('no'),
        'empty store: alerts list says there are none');
  check(problems.length === 0, 'empty store: no script errors' +
        (problems.length ? ': ' + problems.join('; ') : ''));
  await page.close();
}

(async () => {
  const profile = require('fs').mkdtempSync(require('path').join(require('os').tmpdir(), 'epiwire-chromium-'));
  // A fresh profile each run (playwright passes it as --user-data-dir).
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 1400 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    await testFullStore(browser);
    await testEmptyStore(browser);
  } catch (error) {
    console.log('FAIL ' + error.stack);
    failures++;
  } finally {
    if (failures > 0) {
      console.log('problems seen: ' + (allProblems.flat().join('; ') || 'none'));
      console.log('API requests:\n  ' + apiLog.join('\n  '));
    }
    await browser.close();
    require('fs').rmSync(profile, { recursive: true, force: true });
  }
  console.log(failures === 0 ? 'dashboard e2e: all checks passed' : 'dashboard e2e: ' + failures + ' failed');
  process.exit(failures === 0 ? 0 : 1);
})();
