/** Entry point of the PWA: styles, translations and the app shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n.ts';
import './app.css';
import { App } from './App.tsx';

const root = document.getElementById('root');
// Bokmål is bundled; a device set to nynorsk or English waits for that one chunk.
await i18nReady.catch(() => undefined);
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
