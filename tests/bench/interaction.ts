/**
 * Interaction on a tablet: Debian's Chromium with the CPU slowed down four
 * times (CDP Emulation.setCPUThrottlingRate), a real server on loopback
 * with a fresh SQLite database and the real questionnaires. Measures the
 * first screens after navigation and, for every question of the whole
 * respondent questionnaire, tap → chosen answer shown, and tap on
 * "Gå til neste" → next page rendered and the draft stored in IndexedDB,
 * at 4× and again (a second survey on the same tablet) at full speed.
 * Every time is also given as a ratio to a fixed piece of page work (DOM
 * elements laid out, arithmetic) timed in the same throttled browser in
 * the same run.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import { launchChromium } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';
import { TabletModel } from '../e2e/pages/TabletModel.ts';
import { installProbe, type NextResult, type ProbeWindow } from './probe.ts';
import { atMost, type Report, type Yardstick } from './report.ts';
import { median, percentile } from './stats.ts';

export const CPU_SLOWDOWN = 4;
const OPINION_ANSWERS = ['ja', 'bade', 'nei'] as const;

async function tabletContext(browser: Browser, rate = CPU_SLOWDOWN): Promise<{ context: BrowserContext; page: Page; cdp: CDPSession }> {
  const context = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: false, locale: 'nb-NO' });
  // tsx compiles with esbuild's keepNames, which wraps inner functions in __name(): give pages one.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  await context.addInitScript(installProbe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page, cdp };
}

async function waitMark(page: Page, name: string, timeoutMs = 60_000): Promise<{ visible: number; interactive: number }> {
  const handle = await page.waitForFunction(
    (mark) => {
      const marks = (window as unknown as ProbeWindow).__bench?.marks;
      return marks && marks[mark] !== undefined ? { visible: marks[`${mark}:visible`]!, interactive: marks[mark]! } : null;
    },
    name,
    { timeout: timeoutMs, polling: 50 },
  );
  return (await handle.jsonValue()) as { visible: number; interactive: number };
}

/** A fixed piece of page work, timed in the page: 2,000 paragraphs laid out and removed, then a million square roots. */
function pageWork(): number {
  const started = performance.now();
  const root = document.createElement('div');
  document.body.append(root);
  for (let i = 0; i < 2000; i++) {
    const p = document.createElement('p');
    p.textContent = `Spørsmål ${i}: hvordan har du det?`;
    root.append(p);
  }
  void root.offsetHeight;
  root.remove();
  let sum = 0;
  for (let i = 0; i < 1_000_000; i++) sum += Math.sqrt(i);
  if (sum < 0) throw new Error('unreachable');
  return performance.now() - started;
}

/** The median of 5 runs of `pageWork` in a fresh page of a throttled tablet context. */
export async function pageWorkYardstick(browser: Browser, report: Report, section: string, rate = CPU_SLOWDOWN): Promise<Yardstick> {
  const { context, page } = await tabletContext(browser, rate);
  try {
    await page.setContent('<!doctype html><html lang="nb"><body></body></html>');
    const times: number[] = [];
    for (let i = 0; i < 5; i++) times.push(await page.evaluate(pageWork));
    return report.yardstick(section, `fixed page work (2,000 paragraphs laid out, 10⁶ square roots), ${rate}× CPU, median of 5`, `page work ${rate}×`, median(times), 'ms');
  } finally {
    await context.close();
  }
}

/**
 * The floor under every "tap → shown" figure: on a page with one button and
 * no handlers, the time from a tap's pointerdown to the first animation
 * frame after it (the moment the probe looks), 15 taps. Headless Chromium
 * delivers a tap and runs the next frame's callbacks this long after it
 * even when the page does nothing.
 */
async function tapFloor(browser: Browser, report: Report, section: string, rate: number): Promise<void> {
  const { context, page } = await tabletContext(browser, rate);
  try {
    // Its own listener: setContent's document.open() removes the probe's window listeners.
    await page.setContent(
      '<!doctype html><html lang="nb"><body><button style="width:200px;height:100px">Ja</button><script>addEventListener("pointerdown", (e) => window.__down.push(e.timeStamp), true); window.__down = [];</script></body></html>',
    );
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const frame = page.evaluate(() => {
        const w = window as unknown as { __down: number[] };
        w.__down = [];
        return new Promise<number>((resolve) => {
          const tick = () => (w.__down.length > 0 ? resolve(performance.now() - w.__down[0]!) : requestAnimationFrame(tick));
          requestAnimationFrame(tick);
        });
      });
      await page.locator('button').tap();
      times.push(await frame);
    }
    report.add(section, `empty page: tap → next animation frame, the floor of the "shown" figures (${rate}× CPU), median`, median(times), 'ms');
    report.add(section, `empty page: tap → next animation frame (${rate}× CPU), p95`, percentile(times, 95), 'ms');
  } finally {
    await context.close();
  }
}

const fcp = (page: Page) => page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);

interface QuestionTiming {
  readonly questionId: string;
  readonly chosenMs: number;
  /** Frames that began after the page handled the click, up to the one with the chosen mark (1: the very next frame). */
  readonly chosenFrames: number;
  /** The app's listeners on the tap's pointerdown, pointerup and click (Event Timing), NaN when the browser reported none. */
  readonly chosenHandlersMs: number;
  /** Style, layout and paint of the frame that shows the chosen mark. */
  readonly chosenFrameWorkMs: number;
  /** From the tap's release (pointerup), when the browser acts on it. */
  readonly chosenFromReleaseMs: number;
  readonly renderedFromReleaseMs: number;
  /** From the tap's click event: the app's own part. */
  readonly chosenFromClickMs: number;
  readonly renderedFromClickMs: number;
  readonly nextMs: number;
  readonly renderedMs: number;
  readonly storedMs: number;
}

async function answerEveryQuestion(page: Page, q: Questionnaire): Promise<{ timings: QuestionTiming[]; textPages: number[] }> {
  const draft = await page.evaluate(() => (window as unknown as ProbeWindow).__bench.activeDraft());
  if (!draft) throw new Error('No active survey draft in IndexedDB');
  const timings: QuestionTiming[] = [];
  const textPages: number[] = [];
  for (let step = 0; step < 200; step++) {
    const prevText = ((await page.locator('.progress-text').textContent()) ?? '').trim();
    const current = await page.evaluate(() => (window as unknown as ProbeWindow).__bench.activeDraft());
    const prevKey = current?.pageKey ?? '';
    if (prevKey === 'answered-by') break;
    await page.evaluate(() => (window as unknown as ProbeWindow).__bench.arm());

    if (!prevKey.startsWith('q:')) {
      // Eir's intro pages and the end page: only "Gå til neste".
      const rendered = page.evaluate(
        (prev) =>
          new Promise<number>((resolve) => {
            const tick = () => {
              const text = document.querySelector('.progress-text')?.textContent?.trim() ?? '';
              if (text !== prev) resolve(performance.now());
              else requestAnimationFrame(tick);
            };
            tick();
          }),
        prevText,
      );
      await page.locator('.nav-next').tap();
      const renderedAt = await rendered;
      const tap = await page.evaluate(() => (window as unknown as ProbeWindow).__bench.firstTap());
      if (tap !== null && prevKey.startsWith('intro:')) textPages.push(renderedAt - tap);
      continue;
    }

    const questionId = prevKey.slice(2);
    const question = q.questions.find((candidate) => candidate.id === questionId);
    if (!question) throw new Error(`Unknown question ${questionId}`);
    const heading = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim();
    if (!heading.includes(question.text.nb ?? '')) throw new Error(`The draft says ${questionId}, the page shows "${heading}"`);
    // Every factual "Ja" opens its follow-ups, so the whole questionnaire is walked through.
    const value = question.kind === 'factual' ? 'ja' : question.scale === 'ja-nei' ? (timings.length % 2 ? 'nei' : 'ja') : OPINION_ANSWERS[timings.length % 3]!;

    const chosen = page.evaluate((v) => (window as unknown as ProbeWindow).__bench.waitChosen(v), value);
    await page.locator(`label.answer:has(input[value="${value}"])`).tap();
    const chosenResult = await chosen;
    const chosenAt = chosenResult.shownAt;
    const handlers = await page.evaluate(() => (window as unknown as ProbeWindow).__bench.tapHandlers());
    const chosenTap = await page.evaluate(() => (window as unknown as ProbeWindow).__bench.firstTap());
    const chosenRelease = await page.evaluate(() => (window as unknown as ProbeWindow).__bench.lastRelease());
    const chosenClick = await page.evaluate(() => (window as unknown as ProbeWindow).__bench.lastClick());

    await page.evaluate(() => (window as unknown as ProbeWindow).__bench.arm());
    const next = page.evaluate((args) => (window as unknown as ProbeWindow).__bench.waitNext(args), {
      prevText,
      prevKey,
      draftId: draft.id,
      questionId,
      value,
    });
    await page.locator('.nav-next').tap();
    const { renderedAt, storedAt }: NextResult = await next;
    const nextTap = await page.evaluate(() => (window as unknown as ProbeWindow).__bench.firstTap());
    const nextRelease = await page.evaluate(() => (window as unknown as ProbeWindow).__bench.lastRelease());
    const nextClick = await page.evaluate(() => (window as unknown as ProbeWindow).__bench.lastClick());
    if (chosenTap === null || nextTap === null || chosenRelease === null || nextRelease === null) throw new Error('A tap was not seen by the page');
    timings.push({
      questionId,
      chosenMs: chosenAt - chosenTap,
      chosenFrames: chosenResult.framesAfterClick,
      chosenHandlersMs: handlers.events > 0 ? handlers.ms : Number.NaN,
      chosenFrameWorkMs: chosenResult.frameWorkMs,
      chosenFromReleaseMs: chosenAt - chosenRelease,
      renderedFromReleaseMs: renderedAt - nextRelease,
      chosenFromClickMs: chosenClick === null ? Number.NaN : chosenAt - chosenClick,
      renderedFromClickMs: nextClick === null ? Number.NaN : renderedAt - nextClick,
      renderedMs: renderedAt - nextTap,
      storedMs: storedAt - nextTap,
      nextMs: Math.max(renderedAt, storedAt) - nextTap,
    });
  }
  return { timings, textPages };
}

/** Sum of each long task's time over 50 ms between two moments: Lighthouse's Total Blocking Time, from the page's own Long Tasks. */
function blockingTime(tasks: readonly { start: number; duration: number }[], from: number, to: number): { tbt: number; work: number } {
  let tbt = 0;
  let work = 0;
  for (const task of tasks) {
    if (task.start + task.duration < from || task.start > to) continue;
    tbt += Math.max(0, task.duration - 50);
    work += task.duration;
  }
  return { tbt, work };
}

/** Phone profile of Lighthouse's mobile run, without its network throttling (the server is on loopback). */
export const PHONE_CPU_SLOWDOWN = 4;

/**
 * The relatives' page on a phone, cold (no cache, no service worker), 3
 * times: Total Blocking Time from first contentful paint until 3 s after
 * the start screen is interactive, and the main thread's long-task time in
 * the same window, from the page's own Long Tasks API (Lighthouse is not
 * a dependency of the project).
 */
async function relativePhone(browser: Browser, url: string, report: Report, section: string): Promise<void> {
  const tbts: number[] = [];
  const works: number[] = [];
  const ready: number[] = [];
  for (let run = 0; run < 3; run++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1.75, locale: 'nb-NO' });
    try {
      await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
      await context.addInitScript(installProbe);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_CPU_SLOWDOWN });
      await page.goto(url);
      const start = await waitMark(page, 'relative-start');
      await page.waitForTimeout(3000);
      const paint = (await fcp(page)) ?? 0;
      const tasks = await page.evaluate(() => (window as unknown as ProbeWindow).__bench.longTasks);
      const { tbt, work } = blockingTime(tasks, paint, start.interactive + 3000);
      tbts.push(tbt);
      works.push(work);
      ready.push(start.interactive);
    } finally {
      await context.close();
    }
  }
  report.add(section, `relatives' page on a phone (${PHONE_CPU_SLOWDOWN}× CPU, cold): total blocking time, median of 3`, median(tbts), 'ms');
  report.add(section, `relatives' page on a phone: total blocking time, largest of 3`, Math.max(...tbts), 'ms');
  report.add(section, `relatives' page on a phone: long-task time on the main thread, median of 3`, median(works), 'ms');
  report.add(section, `relatives' page on a phone: navigation → start screen interactive, median of 3`, median(ready), 'ms');
}

const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };

/** A plain static server for the SurveyJS build (its pictures come from our dist/). */
function serveStatic(roots: readonly string[]): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^(\.\.[/\\])+/, '');
    for (const root of roots) {
      const file = join(root, path === '/' ? 'index.html' : path);
      if (existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
        return;
      }
    }
    res.writeHead(404).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function benchInteraction(
  report: Report,
  questionnaires: readonly Questionnaire[],
  surveyJs: { dir: string; assets: string } | undefined,
): Promise<void> {
  const section = 'interaction';
  const respondent = questionnaires.find((q) => q.id === 'respondent')!;
  const server = await startTestServer(questionnaires);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const work = await pageWorkYardstick(browser, report, section);
    await tapFloor(browser, report, section, CPU_SLOWDOWN);
    const timed = { yardstick: work };
    const { context, page, cdp } = await tabletContext(browser);

    // A new tablet: nothing cached, no service worker yet.
    await page.goto(server.url);
    const setup = await waitMark(page, 'setup');
    report.add(section, `new tablet, cold: navigation → first contentful paint (${CPU_SLOWDOWN}× CPU)`, (await fcp(page)) ?? Number.NaN, 'ms', timed);
    report.add(section, `new tablet, cold: navigation → set-up screen interactive (${CPU_SLOWDOWN}× CPU)`, setup.interactive, 'ms', timed);

    const model = new TabletModel(page);
    await model.setUp(server.demo!.tabletCode);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60_000 });

    // A set-up tablet opened again: the app comes from the service worker's precache.
    await page.reload();
    const helper = await waitMark(page, 'helper');
    report.add(section, `set-up tablet: navigation → helper screen interactive (${CPU_SLOWDOWN}× CPU)`, helper.interactive, 'ms', timed);
    await page.evaluate(() => (window as unknown as ProbeWindow).__bench.arm());
    await model.press('Start ny undersøkelse');
    const startTap = await page.evaluate(() => (window as unknown as ProbeWindow).__bench.firstTap());
    await model.choose('Tunet boliger');
    await model.press(/^Start – gi/);
    const first = await waitMark(page, 'first-page');
    report.add(section, 'set-up tablet: navigation → first survey page interactive (incl. 3 helper taps)', first.interactive, 'ms', timed);
    if (startTap !== null) report.add(section, 'helper taps "Start ny undersøkelse" → first survey page interactive', first.interactive - startTap, 'ms', timed);

    const walk = async (rate: number, yardstick: Yardstick) => {
      const { timings, textPages } = await answerEveryQuestion(page, respondent);
      const expected = respondent.questions.length;
      if (timings.length !== expected) report.note(`Interaction (${rate}× CPU): ${timings.length} of ${expected} questions were measured.`);
      const at = { yardstick };
      const stats = (name: string, values: number[]) => {
        report.add(section, `${name} (${rate}× CPU), median`, median(values), 'ms', at);
        report.add(section, `${name} (${rate}× CPU), p95`, percentile(values, 95), 'ms', at);
      };
      report.add(section, `questions answered in the run (${rate}× CPU)`, timings.length, 'questions');
      stats('tap answer → chosen state shown', timings.map((t) => t.chosenMs));
      // "Within one frame": the mark is in the first frame the browser draws after the page got the
      // tap, whatever headless Chromium's own delay in delivering the tap and drawing frames.
      const inFirstFrame = timings.filter((t) => t.chosenFrames === 1).length;
      report.add(section, `tap answer → chosen mark in the very next frame after the tap's click (${rate}× CPU)`, `${inFirstFrame} of ${timings.length}`, 'taps', {
        note: `slowest: ${Math.max(...timings.map((t) => t.chosenFrames))} frame(s)`,
      });
      const handlerTimes = timings.map((t) => t.chosenHandlersMs).filter((v) => !Number.isNaN(v));
      if (handlerTimes.length < timings.length) report.note(`Interaction (${rate}× CPU): Event Timing reported the tap's events for ${handlerTimes.length} of ${timings.length} answers.`);
      stats("tap answer: the app's listeners on pointerdown, pointerup and click (Event Timing processing)", handlerTimes);
      stats('tap answer: rendering of the frame that shows the chosen mark (style, layout, paint)', timings.map((t) => t.chosenFrameWorkMs));
      const work = timings.filter((t) => !Number.isNaN(t.chosenHandlersMs)).map((t) => t.chosenHandlersMs + t.chosenFrameWorkMs);
      report.add(section, `tap answer: the app's main-thread work for it, listeners + its frame's rendering (${rate}× CPU), p95`, percentile(work, 95), 'ms', {
        ...at,
        ...(rate === 1 ? { target: atMost(16, '16 ms (one frame at 60 Hz)') } : {}),
      });
      stats('tap answer released (pointerup) → chosen state shown', timings.map((t) => t.chosenFromReleaseMs));
      stats('tap answer click event → chosen state shown', timings.map((t) => t.chosenFromClickMs).filter((v) => !Number.isNaN(v)));
      stats('tap "Gå til neste" → next page rendered and draft stored', timings.map((t) => t.nextMs));
      stats('tap "Gå til neste" → next page rendered', timings.map((t) => t.renderedMs));
      stats('tap "Gå til neste" released (pointerup) → next page rendered', timings.map((t) => t.renderedFromReleaseMs));
      stats('tap "Gå til neste" click event → next page rendered', timings.map((t) => t.renderedFromClickMs).filter((v) => !Number.isNaN(v)));
      stats('tap "Gå til neste" → draft with new page in IndexedDB', timings.map((t) => t.storedMs));
      report.add(section, `tap "Gå til neste" → next page, slowest question (${rate}× CPU)`, Math.max(...timings.map((t) => t.nextMs)), 'ms', at);
      if (textPages.length > 0) stats(`intro pages (${textPages.length}): tap → next page rendered`, textPages);
    };
    await walk(CPU_SLOWDOWN, work);

    // The same walk at full speed (1×): a new survey on the same tablet.
    const fullSpeed = await pageWorkYardstick(browser, report, section, 1);
    await tapFloor(browser, report, section, 1);
    await model.choose('Personen svarte alene');
    await model.press('Ferdig');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await model.press('Start ny undersøkelse');
    await model.choose('Tunet boliger');
    await model.press(/^Start – gi/);
    await page.waitForFunction(() => /^Side 1 av \d+$/.test(document.querySelector('.progress-text')?.textContent?.trim() ?? ''), null, { timeout: 60_000 });
    await walk(1, fullSpeed);
    await context.close();

    await relativePhone(browser, new URL(`/p/${server.demo!.relativeCode}`, server.url).href, report, section);

    if (surveyJs) {
      const staticServer = await serveStatic([surveyJs.dir, surveyJs.assets]);
      try {
        const other = await tabletContext(browser);
        await other.page.goto(`http://127.0.0.1:${(staticServer.address() as AddressInfo).port}/`);
        const sj = await waitMark(other.page, 'surveyjs-first-page');
        report.add(section, `SurveyJS build, cold: navigation → first page interactive (${CPU_SLOWDOWN}× CPU)`, sj.interactive, 'ms', timed);
        await other.context.close();
      } finally {
        await new Promise((resolve) => staticServer.close(resolve));
      }
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
}
