// A test-only driver of the workbench page for the integration tests that measure the editor
// from the renderer (test/integration/editor/). scripts/test-vscode.mjs starts it on a loopback
// port and gives its address to the VS Code server's environment as TPL_EDITOR_DRIVER, which the
// extension host inherits. It does one job, only when a test asks: type keys into the focused
// editor with playwright's keyboard and return the renderer's Event Timing entries of that time
// (PerformanceObserver type 'event', durationThreshold 16: an entry's `duration` is from the key
// event to the next paint, rounded to 8 ms; shorter events have no entry).
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

export const DRIVER_VARIABLE = 'TPL_EDITOR_DRIVER';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Types `keys` (playwright key names, e.g. "x", "Backspace") one at a time, `delayMs` apart, then
 * waits `settleMs` for the last paints. Returns `marks` (the page's clock before each key and
 * after the last) and the Event Timing entries seen meanwhile. With `profile` (a file path), the
 * renderer's CPU profile of that time is written there (.cpuprofile, for finding what costs).
 */
export async function typeAndTime(page, { keys, delayMs = 120, settleMs = 600, profile }) {
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== 'string')) throw new Error('keys must be a list of key names');
  const cdp = profile ? await page.context().newCDPSession(page) : undefined;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await cdp.send('Profiler.start');
  }
  await page.evaluate(() => {
    const w = window;
    w.__tplTimings = [];
    w.__tplObserver?.disconnect();
    w.__tplObserver = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        w.__tplTimings.push({ name: e.name, startTime: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd });
      }
    });
    w.__tplObserver.observe({ type: 'event', durationThreshold: 16 });
  });
  const marks = [];
  for (const key of keys) {
    marks.push(await page.evaluate(() => performance.now()));
    await page.keyboard.press(key);
    await sleep(delayMs);
  }
  marks.push(await page.evaluate(() => performance.now()));
  await sleep(settleMs);
  const entries = await page.evaluate(() => {
    const w = window;
    w.__tplObserver.takeRecords().forEach((e) => w.__tplTimings.push({ name: e.name, startTime: e.startTime, duration: e.duration, processingStart: e.processingStart, processingEnd: e.processingEnd }));
    w.__tplObserver.disconnect();
    w.__tplObserver = undefined;
    const out = w.__tplTimings;
    w.__tplTimings = [];
    return out;
  });
  if (cdp) {
    const { profile: data } = await cdp.send('Profiler.stop');
    writeFileSync(profile, JSON.stringify(data));
    await cdp.detach();
  }
  return { marks, entries };
}

/**
 * Starts the driver on 127.0.0.1 (a free port). `getPage()` gives the workbench page once it is
 * there. POST /type with JSON { keys, delayMs?, settleMs?, profile? } answers typeAndTime's result.
 * Returns { url, close() }.
 */
export function startEditorDriver(getPage) {
  const server = createServer(async (req, res) => {
    const answer = (status, body) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    try {
      if (req.method !== 'POST' || req.url !== '/type') return answer(404, { error: 'POST /type only' });
      let body = '';
      for await (const chunk of req) body += chunk;
      const page = getPage();
      if (!page) return answer(503, { error: 'no workbench page yet' });
      answer(200, await typeAndTime(page, JSON.parse(body)));
    } catch (err) {
      answer(500, { error: String(err && err.message ? err.message : err) });
    }
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.unref();
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() });
    });
  });
}
