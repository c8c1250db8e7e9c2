import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { pickLanguage } from './i18n/i18n.ts';
import { pageOptions } from './embed/current.ts';
import { boot } from './share/boot.ts';
import { appStore } from './store/use-app-store.ts';
import { presentingFromUrl } from './store/presenter-slice.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

if (window.matchMedia('(prefers-color-scheme: dark)').matches) appStore.getState().setTheme('dark');
const lang = pickLanguage(new URLSearchParams(window.location.search).get('lang'), navigator.languages);
appStore.getState().setLanguage(lang);
// The URL's options and session, the saved session, the embed's messages, the offline worker.
boot(appStore, pageOptions);
if (presentingFromUrl(window.location.search)) appStore.getState().setPresenting(true);

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
