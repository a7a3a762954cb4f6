/** Entry point of the PWA: styles, translations and the app shell. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n.ts';
import './app.css';
import { App } from './App.tsx';

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
