/**
 * The bench's child processes (servers, the load generator, the seeder):
 * started with the same tsx loader, each given one JSON argument, and
 * never left running. Every child is killed when the bench process exits
 * for any reason Node can see (normal end, a thrown error, a signal), and
 * a child whose parent dies anyway (SIGKILL) notices its stdin closing and
 * exits by itself (`exitWithParent`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const running = new Set<ChildProcess>();

/** Kills every child still running; synchronous, so it also works in a process 'exit' handler. */
export function killChildren(): void {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running.clear();
}

process.on('exit', killChildren);

/**
 * BENCH_CPU_PROF=<dir>: the servers write a V8 CPU profile there when they
 * stop (open it in Chrome's DevTools), to see what a slow figure spent its time on.
 */
const profileDir = process.env.BENCH_CPU_PROF;

/** Starts tests/bench/<script> (or a script at an absolute path) with one JSON argument; its stdout is piped to the caller, stderr shown. */
export function spawnChild(script: string, arg: unknown): ChildProcess {
  const profile = profileDir && script === 'serveProcess.ts' ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  // Under tsx the child inherits its loader; under vitest it is given one.
  const loader = process.execArgv.some((arg) => arg.includes('tsx')) ? process.execArgv : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, ...profile, resolve(import.meta.dirname, script), JSON.stringify(arg)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  // The child's stdin is only its lifeline: never written to.
  child.stdin!.on('error', () => undefined);
  return child;
}

/** Resolves with the rest of the first stdout line that starts with `prefix`; rejects if the child exits first. */
export function lineFrom(child: ChildProcess, prefix: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (data: Buffer) => {
      out += data.toString();
      const line = out.split('\n').find((l) => l.startsWith(prefix));
      if (line !== undefined && out.includes('\n', out.indexOf(line))) {
        child.stdout!.off('data', onData);
        child.off('exit', onExit);
        resolve(line.slice(prefix.length).trim());
      }
    };
    const onExit = (code: number | null, signal: string | null) => reject(new Error(`${prefix.trim()} never came: the child exited (${code ?? signal}). ${out.slice(-2000)}`));
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
    child.once('error', reject);
  });
}

/** Runs a child to its end and parses its `RESULT <json>` line. */
export async function runChild<T>(script: string, arg: unknown): Promise<T> {
  const child = spawnChild(script, arg);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const line = await lineFrom(child, 'RESULT ');
  const code = await exited;
  if (code !== 0) throw new Error(`${script} exited with ${code}`);
  return JSON.parse(line) as T;
}

/** Asks a child to stop (SIGTERM), then kills it if it has not gone after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** In a child: exit when the bench that started it is gone (its end of our stdin closes). */
export function exitWithParent(): void {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}

/** In a child: prints the result line the parent waits for. */
export function sendResult(value: unknown): void {
  process.stdout.write(`\nRESULT ${JSON.stringify(value)}\n`);
}
