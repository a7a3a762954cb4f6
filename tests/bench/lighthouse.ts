/**
 * Lighthouse's own figures for the pages a phone or tablet opens first:
 * the relatives' page (/p/<code>) and a new tablet's set-up page, each
 * audited 3 times by Lighthouse 12 (the last major version that runs on
 * Node 20) with its default mobile profile (a mid-range phone, 4× CPU
 * slowdown and a slow 4G network, both simulated from the observed run),
 * in a fresh Debian Chromium per run (no cache, no service worker, no
 * stored data). Reports the median and largest Total Blocking Time, the
 * median time to interactive and main-thread work, and Lighthouse's own
 * benchmark index of the machine; the yardstick is the same fixed page
 * work as the interaction part, in Chromium slowed down 4×.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import { CHROMIUM_ARGS, launchChromium } from '../support/browser.ts';
import { startTestServer } from '../support/server.ts';
import { pageWorkYardstick } from './interaction.ts';
import { atMost, type Report, type Yardstick } from './report.ts';
import { median } from './stats.ts';

const RUNS = 3;

interface Audit {
  readonly tbt: number;
  readonly interactive: number;
  readonly mainThread: number;
  readonly benchmarkIndex: number;
  readonly longTasks: string;
}

async function audit(url: string): Promise<Audit> {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', chromeFlags: [...CHROMIUM_ARGS] });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const number = (id: string) => {
      const value = lhr.audits[id]?.numericValue;
      if (value === undefined) throw new Error(`Lighthouse gave no ${id} for ${url}`);
      return value;
    };
    const tasks = (lhr.audits['long-tasks']?.details as { items?: { url?: string; duration: number }[] } | undefined)?.items ?? [];
    return {
      tbt: number('total-blocking-time'),
      interactive: number('interactive'),
      mainThread: number('mainthread-work-breakdown'),
      benchmarkIndex: lhr.environment.benchmarkIndex,
      longTasks: tasks.map((t) => `${Math.round(t.duration)} ms ${(t.url ?? '').replace(/^.*\//, '')}`).join(', '),
    };
  } finally {
    chrome.kill();
  }
}

/**
 * One audit, run once more when Lighthouse's own trace of the load came out
 * broken (NO_NAVSTART, NO_FCP and the like: "Please run Lighthouse again"),
 * which happens now and then on this loaded machine and says nothing about
 * the page. A second failure stops the bench.
 */
async function auditAgainOnTraceFailure(url: string): Promise<Audit> {
  try {
    return await audit(url);
  } catch (error) {
    if (!/NO_NAVSTART|NO_FCP|NO_TRACING_STARTED|NO_DCL/.test(String(error))) throw error;
    console.log(`  note: ${String(error)}; running that audit again`);
    return audit(url);
  }
}

async function auditPage(report: Report, section: string, what: string, url: string, yardstick: Yardstick, tbtTarget?: number): Promise<void> {
  const audits: Audit[] = [];
  for (let run = 0; run < RUNS; run++) {
    const one = await auditAgainOnTraceFailure(url);
    console.log(`  ${what}, run ${run + 1}: total blocking time ${Math.round(one.tbt)} ms; long tasks (simulated): ${one.longTasks || 'none'}`);
    audits.push(one);
  }
  const at = { yardstick };
  const tbt = audits.map((a) => a.tbt);
  report.add(section, `${what}: Lighthouse mobile total blocking time, median of ${RUNS}`, median(tbt), 'ms', {
    ...at,
    ...(tbtTarget === undefined ? {} : { target: atMost(tbtTarget, `${tbtTarget} ms`) }),
  });
  report.add(section, `${what}: Lighthouse mobile total blocking time, largest of ${RUNS}`, Math.max(...tbt), 'ms', at);
  report.add(section, `${what}: Lighthouse time to interactive, median`, median(audits.map((a) => a.interactive)), 'ms', at);
  report.add(section, `${what}: Lighthouse main-thread work, median`, median(audits.map((a) => a.mainThread)), 'ms', at);
  report.add(section, `${what}: Lighthouse benchmark index of this machine, median (higher is faster)`, median(audits.map((a) => a.benchmarkIndex)), '');
}

export async function benchLighthouse(report: Report, questionnaires: readonly Questionnaire[]): Promise<void> {
  const section = 'lighthouse';
  const server = await startTestServer(questionnaires);
  try {
    const browser = await launchChromium();
    let yardstick: Yardstick;
    try {
      yardstick = await pageWorkYardstick(browser, report, section);
    } finally {
      await browser.close();
    }
    await auditPage(report, section, "relatives' page /p/<code>", new URL(`/p/${server.demo!.relativeCode}`, server.url).href, yardstick, 200);
    await auditPage(report, section, "new tablet's set-up page /", server.url, yardstick);
  } finally {
    await server.stop();
  }
}
