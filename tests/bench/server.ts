/** The bench's servers: serveProcess.ts in a child process, reached over loopback. */
import type { ChildProcess } from 'node:child_process';
import { lineFrom, spawnChild, stopChild } from './children.ts';
import type { ServeArgs } from './serveProcess.ts';

export interface ServerProcess {
  readonly url: string;
  readonly pid: number;
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export async function startServerProcess(args: ServeArgs): Promise<ServerProcess> {
  const child = spawnChild('serveProcess.ts', args);
  try {
    const url = await lineFrom(child, 'LISTENING ');
    return { url, pid: child.pid!, child, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}

/** Signs in as a coordinator; returns the session cookie. */
export async function signIn(origin: string, username: string, password: string): Promise<string> {
  const login = await fetch(`${origin}/api/v1/coordinator/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: origin },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`Sign-in failed: ${login.status} ${await login.text()}`);
  return (login.headers.getSetCookie()[0] ?? '').split(';')[0]!;
}
