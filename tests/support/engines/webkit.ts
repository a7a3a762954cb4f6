/**
 * WebKit (WebKitGTK's MiniBrowser, Safari's engine family) driven through
 * Debian's WebKitWebDriver with selenium-webdriver, on its own Xvfb display
 * because MiniBrowser has no headless mode. Each page is its own WebDriver
 * session (a fresh, ephemeral MiniBrowser), so pages share no storage.
 * WebKitGTK's driver has no network emulation and no console access.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { Builder, By, type WebDriver } from 'selenium-webdriver';
import { callExpression, type EngineBrowser, type EnginePage, type Viewport } from './enginePage.ts';

export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms).unref())]);
}

/** Starts Xvfb on the first free display; resolves with its number once it accepts clients. */
async function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
  const display = await within(
    new Promise<string>((resolve, reject) => {
      xvfb.once('error', reject);
      xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
      (xvfb.stdio[3] as NodeJS.ReadableStream).once('data', (data: Buffer) => resolve(data.toString().trim()));
    }),
    15_000,
    'Starting Xvfb',
  );
  return { display: `:${display}`, process: xvfb };
}

/** Waits until WebKitWebDriver answers its status endpoint. */
async function driverReady(port: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const ready = await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('WebKitWebDriver did not start within 15 s');
}

export async function launchWebKitEngine(): Promise<EngineBrowser> {
  const xvfb = await startXvfb();
  const port = await freePort();
  const driverProcess = spawn('WebKitWebDriver', [`--port=${port}`], { env: { ...process.env, DISPLAY: xvfb.display }, stdio: 'ignore' });
  const stopProcesses = () => {
    driverProcess.kill();
    xvfb.process.kill();
  };
  try {
    await driverReady(port);
  } catch (error) {
    stopProcesses();
    throw error;
  }
  const sessions = new Set<WebDriver>();

  return {
    engine: 'webkit',
    async newPage(viewport: Viewport): Promise<EnginePage> {
      const driver = await within(
        new Builder()
          .usingServer(`http://127.0.0.1:${port}`)
          .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] } })
          .build(),
        60_000,
        'Starting a WebKit session',
      );
      sessions.add(driver);
      await driver.manage().setTimeouts({ script: 30_000, pageLoad: 30_000 });
      await driver.manage().window().setRect({ width: viewport.width, height: viewport.height });
      const element = (css: string) => driver.findElement(By.css(css));
      return {
        engine: 'webkit',
        goto: (url) => driver.get(url),
        reload: () => driver.navigate().refresh(),
        evaluate: async (fn, ...args) => {
          const result = (await driver.executeAsyncScript(
            `const done = arguments[arguments.length - 1];
             Promise.resolve().then(() => ${callExpression(fn, args)}).then(
               (value) => done({ value: value === undefined ? null : value }),
               (error) => done({ error: String(error && error.stack || error) }));`,
          )) as { value?: unknown; error?: string };
          if (result.error !== undefined) throw new Error(`In WebKit: ${result.error}`);
          return result.value as never;
        },
        click: async (css) => (await element(css)).click(),
        type: async (css, text) => (await element(css)).sendKeys(text),
        setOffline: async () => false,
        close: async () => {
          sessions.delete(driver);
          await driver.quit();
        },
      };
    },
    async close() {
      await Promise.allSettled([...sessions].map((driver) => driver.quit()));
      stopProcesses();
    },
  };
}
