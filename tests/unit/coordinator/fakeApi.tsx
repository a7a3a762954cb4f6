/**
 * A fetch stand-in for the coordinator pages: answers "METHOD /path" with
 * the status and JSON body a route gives, records every call, and answers
 * anything unknown with the API's 404 error shape.
 */
import { cleanup, render, type RenderResult } from '@testing-library/react';
import { vi, type Mock } from 'vitest';
import CoordinatorApp from '../../../src/coordinator/CoordinatorApp.tsx';

export interface Call {
  readonly method: string;
  readonly url: string;
  /** A JSON body parsed; any other body (a file's ArrayBuffer) as it was sent. */
  readonly body: unknown;
  readonly headers: Headers;
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
}

export type Route = Reply | ((call: Call) => Reply);

export interface FakeApi {
  readonly calls: Call[];
  readonly fetch: Mock<typeof fetch>;
  readonly callsTo: (method: string, path: string) => Call[];
}

export function apiError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Reply {
  return { status, body: { error: { code, message, ...extra } } };
}

export function fakeApi(routes: Record<string, Route>): FakeApi {
  const calls: Call[] = [];
  const fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const raw = init?.body ?? undefined;
    const call: Call = { method, url, body: typeof raw === 'string' ? JSON.parse(raw) : raw, headers: new Headers(init?.headers) };
    calls.push(call);
    const route = routes[`${method} ${url}`] ?? routes[`${method} ${url.split('?')[0]}`];
    const reply = route === undefined ? apiError(404, 'not-found', 'Fant ikke denne adressen.') : typeof route === 'function' ? route(call) : route;
    return new Response(reply.status === 204 ? null : JSON.stringify(reply.body), {
      status: reply.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    calls,
    fetch: fetchMock,
    callsTo: (method, path) => calls.filter((call) => call.method === method && call.url.split('?')[0] === path),
  };
}

/** Opens the coordinator pages at an address, as App.tsx does for /koordinator/…. */
export function renderAt(path: string): RenderResult {
  window.history.replaceState(null, '', path);
  return render(<CoordinatorApp />);
}

/** The first page of a test imports and renders react-aria for the first time: give it time on a busy machine. */
export const FIRST_RENDER = { timeout: 15_000 };

/** Later waits (a new answer after a filter or a poll): far longer than the 1 s default, for a busy machine. */
export const SOON = { timeout: 5000 };

export function resetApi(): void {
  cleanup();
  vi.unstubAllGlobals();
  document.title = '';
}
