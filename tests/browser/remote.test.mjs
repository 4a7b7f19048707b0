// The phone remote's page in a real browser: Debian's chromium, headless, at a phone's
// 360 px width in dark mode, against `letdown serve` on loopback. It taps like a thumb,
// loses the connection, keeps its taps, and sends them once the computer is back, never
// twice. Every wait below is bounded; every address is 127.0.0.1.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';
import puppeteer from 'puppeteer-core';

const letdown = process.env.LETDOWN_EXECUTABLE;
const screenshots = process.env.LETDOWN_SCREENSHOT_DIR || '.';
if (!letdown) throw new Error('LETDOWN_EXECUTABLE is not set');

let failures = 0;
function check(condition, what) {
  console.log((condition ? 'ok   ' : 'FAIL ') + what);
  if (!condition) failures++;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

// Starts `letdown serve` and resolves with the pairing address it prints.
function serve(home, database, port) {
  // The real clock: LETDOWN_NOW would start every run of serve at the same instant, and the
  // time between two runs is what this test is about.
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config') };
  delete env.LETDOWN_NOW;
  const child = spawn(letdown, ['serve', '--database', database, '--listen', '127.0.0.1', '--port', String(port)], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('serve printed no address in 30 s: ' + out)), 30000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /^http:\/\/127\.0\.0\.1:\d+\/#secret=[0-9a-f]{64}$/m.exec(out);
      if (match && out.includes('Ctrl+C stops.')) {
        clearTimeout(timer);
        resolve({ child, url: match[0] });
      }
    });
    child.on('exit', (code) => reject(new Error('serve ended early with ' + code + ': ' + out)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function sql(database, query) {
  return execFileSync('sqlite3', [database, query], { encoding: 'utf8' }).trim();
}

const home = mkdtempSync(join(tmpdir(), 'letdown-browser-'));
const database = join(home, 'remote.sqlite');
const port = await freePort();
let server = await serve(home, database, port);
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  userDataDir: join(home, 'chromium'),
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
  // No external resources: every request the page makes goes to the remote itself.
  const elsewhere = [];
  let pageBytes = 0;
  page.on('request', (request) => {
    if (!request.url().startsWith(`http://127.0.0.1:${port}/`)) elsewhere.push(request.url());
  });
  page.on('response', async (response) => {
    if (!response.url().includes('/api/')) pageBytes += (await response.buffer().catch(() => Buffer.alloc(0))).length;
  });
  const waitText = (selector, text) =>
    page.waitForFunction((s, t) => document.querySelector(s).textContent.includes(t), { timeout: 10000 }, selector, text);

  await page.goto(server.url, { waitUntil: 'load', timeout: 15000 });
  await waitText('#status', 'Connected');
  check(!(await page.evaluate(() => location.href.includes('#secret='))), 'the key is taken out of the address bar');
  check(pageBytes > 0 && pageBytes < 50 * 1024, `the page is under 50 KB (${pageBytes} bytes)`);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  check(background === 'rgb(18, 13, 11)', `dark mode follows the phone: the night palette (${background})`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  check(!overflow, 'nothing is wider than a 360 px screen');

  // The walk: Start, Let-down twice, the phone offline, Let-down, back online, Stop.
  const tappedAt = {};
  const tapAndNote = async (selector, name) => {
    tappedAt[name] = Date.now();
    await page.tap(selector);
  };
  await page.tap('#kinds button[data-kind="pumping"]');
  await tapAndNote('#startStop', 'start');
  await waitText('#state', 'Running · pumping');
  check(sql(database, "SELECT count(*) FROM sessions WHERE state = 'running' AND kind = 'pumping'") === '1',
    'Start on the phone started a pumping session on the computer');
  await sleep(1500);
  await tapAndNote('#letdown', 'first');
  await waitText('#count', '1 let-down');
  check(sql(database, 'SELECT count(*) FROM ejections') === '1', 'the let-down is on disk when the phone shows it');
  await sleep(1500); // past the double-tap second
  await tapAndNote('#letdown', 'second');
  await waitText('#count', '2 let-downs');
  await page.tap('#side');
  await waitText('#sideText', 'right');
  await page.screenshot({ path: join(screenshots, 'remote-phone-dark.png') });
  // The night palette: every text at least 4.5:1 against what it stands on (WCAG AA).
  const contrasts = await page.evaluate(() => {
    const rgb = (c) => c.match(/[\d.]+/g).map(Number);
    const lum = ([r, g, b]) => {
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const backgroundOf = (el) => {
      for (; el; el = el.parentElement) {
        const c = getComputedStyle(el).backgroundColor;
        if (c !== 'rgba(0, 0, 0, 0)' && c !== 'transparent') return rgb(c);
      }
      return [255, 255, 255];
    };
    const out = {};
    for (const selector of ['#startStop', '#letdown', '#pause', '#side', '#status', '#state', '#count', '#sideText', '#lastFeed']) {
      const el = document.querySelector(selector);
      if (!el || el.hidden || el.disabled || !el.textContent.trim()) continue;
      const a = lum(rgb(getComputedStyle(el).color)), b = lum(backgroundOf(el));
      out[selector] = Math.round(((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)) * 100) / 100;
    }
    return out;
  });
  const dimmest = Math.min(...Object.values(contrasts));
  check(Object.keys(contrasts).length >= 7 && dimmest >= 4.5,
    `night palette: every text at least 4.5:1 (${JSON.stringify(contrasts)})`);
  // Let-down where the thumb rests (the bottom of the screen, in view), Stop far from it.
  const layout = await page.evaluate(() => ({
    letdownBottom: Math.round(document.querySelector('#letdown').getBoundingClientRect().bottom),
    stopBottom: Math.round(document.querySelector('#startStop').getBoundingClientRect().bottom),
    height: innerHeight }));
  check(layout.letdownBottom > layout.height * 0.85 && layout.letdownBottom <= layout.height
    && layout.stopBottom < layout.height * 0.5, `Let-down at the bottom, Stop near the top (${JSON.stringify(layout)})`);

  await page.setOfflineMode(true);
  await sleep(1500);
  await tapAndNote('#letdown', 'offline');
  await waitText('#queue', '1 tap not sent yet');
  await waitText('#status', 'Not connected');
  await page.screenshot({ path: join(screenshots, 'remote-phone-offline.png') });
  check(sql(database, 'SELECT count(*) FROM ejections') === '2', 'nothing arrives while the phone is offline');
  await sleep(2000); // she waits; the tap keeps its own moment
  await page.setOfflineMode(false);
  await page.waitForFunction(() => document.querySelector('#queue').hidden, { timeout: 20000 });
  await waitText('#count', '3 let-downs');
  await page.tap('#startStop');
  await waitText('#state', 'Stopped');
  // A Stop by mistake: the count stays, and Resume runs the same session again.
  await waitText('#count', '3 let-downs in the last session');
  await page.waitForFunction(() => !document.querySelector('#resumeStopped').hidden, { timeout: 10000 });
  await page.tap('#resumeStopped');
  await waitText('#state', 'Running');
  check(sql(database, "SELECT count(*) FROM sessions WHERE state = 'running'") === '1'
    && sql(database, 'SELECT count(*) FROM sessions') === '1', 'Resume after a Stop runs the same session again');
  await page.tap('#startStop');
  await waitText('#state', 'Stopped');

  check(sql(database, "SELECT count(*) FROM sessions WHERE state = 'stopped'") === '1', 'one session, stopped');
  const offsets = sql(database, 'SELECT offset_ms FROM ejections ORDER BY offset_ms').split('\n').map(Number);
  check(offsets.length === 3, `three let-downs (${offsets.join(', ')} ms)`);
  const expected = ['first', 'second', 'offline'].map((name) => tappedAt[name] - tappedAt.start);
  const worst = Math.max(...offsets.map((offset, i) => Math.abs(offset - expected[i])));
  check(worst < 700, `each at the moment it was tapped (expected ${expected.join(', ')} ms; off by ${worst} ms at most)`);

  // The computer goes away instead: the phone keeps the tap, and it lands once, never twice.
  check((await stop(server.child)) === 0, 'serve stops cleanly on SIGTERM');
  await page.tap('#letdown'); // no session: a let-down without a feed
  await waitText('#queue', '1 tap not sent yet');
  server = await serve(home, database, port);
  await page.waitForFunction(() => document.querySelector('#queue').hidden, { timeout: 20000 });
  check(sql(database, 'SELECT count(*) FROM spontaneous_letdowns') === '1', 'a let-down with no feed is stored apart');
  await page.reload({ waitUntil: 'load' });
  await waitText('#status', 'Connected');
  await sleep(1500);
  check(sql(database, 'SELECT count(*) FROM spontaneous_letdowns') === '1' && sql(database, 'SELECT count(*) FROM ejections') === '3',
    'a reload sends nothing twice');
  await waitText('#lastFeed', 'ended on the right');
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  await page.screenshot({ path: join(screenshots, 'remote-phone-light.png') });

  // A German phone gets the page in German, with the window's words.
  const germanContext = await browser.createBrowserContext();
  const germanPage = await germanContext.newPage();
  await germanPage.setViewport({ width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  await germanPage.setExtraHTTPHeaders({ 'Accept-Language': 'de-DE,de;q=0.9,en;q=0.5' });
  await germanPage.goto(server.url, { waitUntil: 'load', timeout: 15000 });
  await germanPage.waitForFunction(() => document.querySelector('#status').textContent.includes('Verbunden'),
    { timeout: 10000 });
  const words = await germanPage.evaluate(() => [document.documentElement.lang,
    document.querySelector('#letdown').textContent, document.querySelector('#side').textContent,
    document.querySelector('#lastFeed').textContent]);
  check(words[0] === 'de' && words[1].startsWith('Milchspendereflex') && words[2] === 'Seite wechseln'
    && words[3].startsWith('Letzte'), `the page in German for a German phone (${words.join(' | ')})`);
  const germanOverflow = await germanPage.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  check(!germanOverflow, 'the German words fit a 360 px screen');
  await germanPage.screenshot({ path: join(screenshots, 'remote-phone-german.png') });
  await germanContext.close();

  // A page without the key: not paired, nothing shown.
  const strangerContext = await browser.createBrowserContext();
  const fresh = await strangerContext.newPage();
  await fresh.goto(`http://127.0.0.1:${port}/`, { waitUntil: 'load', timeout: 15000 });
  await fresh.waitForFunction(() => !document.querySelector('#unpaired').hidden, { timeout: 10000 });
  check(true, 'a browser that never scanned the code sees "Not paired"');
  await strangerContext.close();
  check(elsewhere.length === 0, 'no request left the computer: ' + elsewhere.join(', '));
} finally {
  await browser.close();
  await stop(server.child);
  rmSync(home, { recursive: true, force: true });
}
if (failures) {
  console.log(`${failures} check(s) failed`);
  process.exit(1);
}
console.log('all browser checks passed');
