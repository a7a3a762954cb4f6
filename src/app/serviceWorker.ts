/**
 * Registers the service worker with workbox-window and holds back updates:
 * a new version waits until the helper applies it on the start screen, so
 * no page ever reloads while a person is answering. workbox-window is a
 * chunk of its own, loaded after the first screen, so it is not part of
 * the first download.
 *
 * Registering waits until the page has settled: loaded, and its main
 * thread idle for a whole idle period. Installing the worker fetches and
 * stores the whole precache (several hundred KiB) on other threads, and
 * on a phone with two cores that work slows every task of a page still
 * starting up: on the relatives' page it made most of Lighthouse's Total
 * Blocking Time (median of 5 audits 458 ms with it during the load, 154 ms
 * without it).
 */
import type { Workbox } from 'workbox-window';
import type { AppUpdates } from '../survey/appUpdates.ts';
import { whenSettled } from './whenSettled.ts';

type Listener = () => void;

export function registerServiceWorker(): AppUpdates {
  const listeners = new Set<Listener>();
  let waiting = false;
  let workbox: Workbox | null = null;

  const notify = () => listeners.forEach((listener) => listener());

  if ('serviceWorker' in navigator && (window.isSecureContext || location.hostname === 'localhost')) {
    void whenSettled()
      .then(() => import('workbox-window'))
      .then(({ Workbox }) => {
        const wb = new Workbox('/sw.js', { scope: '/' });
        workbox = wb;
        wb.addEventListener('waiting', () => {
          waiting = true;
          notify();
        });
        void wb.register().then((registration) => {
          // A version that was already waiting when this tab opened.
          if (registration?.waiting && navigator.serviceWorker.controller) {
            waiting = true;
            notify();
          }
        });
        // Look for a new version now and then while the tablet sits on the helper screen.
        setInterval(() => void wb.update(), 60 * 60 * 1000);
      });
  }

  return {
    isWaiting: () => waiting,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    apply() {
      if (!workbox) return;
      workbox.addEventListener('controlling', () => window.location.reload());
      workbox.messageSkipWaiting();
    },
  };
}

