/** Entry point of the PWA: styles, translations and the app shell. */
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n.ts';
import './app.css';
import { App } from './App.tsx';

const root = document.getElementById('root');
// Bokmål is bundled; a device set to nynorsk or English waits for that one chunk.
await i18nReady.catch(() => undefined);
if (root) {
  const reactRoot = createRoot(root);
  // A transition: the first render is done in slices, so a slow phone's main thread can answer in
  // between (one long task otherwise, Lighthouse's Total Blocking Time).
  startTransition(() =>
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
