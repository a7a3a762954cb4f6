/**
 * Registers the service worker with workbox-window and holds back updates:
 * a new version waits until the helper applies it on the start screen, so
 * no page ever reloads while a person is answering.
 */
import { Workbox } from 'workbox-window';
import type { AppUpdates } from '../survey/appUpdates.ts';

type Listener = () => void;

export function registerServiceWorker(): AppUpdates {
  const listeners = new Set<Listener>();
  let waiting = false;
  let workbox: Workbox | null = null;

  const notify = () => listeners.forEach((listener) => listener());

  if ('serviceWorker' in navigator && (window.isSecureContext || location.hostname === 'localhost')) {
    workbox = new Workbox('/sw.js', { scope: '/' });
    workbox.addEventListener('waiting', () => {
      waiting = true;
      notify();
    });
    void workbox.register().then((registration) => {
      // A version that was already waiting when this tab opened.
      if (registration?.waiting && navigator.serviceWorker.controller) {
        waiting = true;
        notify();
      }
    });
    // Look for a new version now and then while the tablet sits on the helper screen.
    setInterval(() => void workbox?.update(), 60 * 60 * 1000);
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

