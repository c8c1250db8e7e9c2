import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { appStore } from './store/use-app-store.ts';
import { presentingFromUrl } from './store/presenter-slice.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

if (window.matchMedia('(prefers-color-scheme: dark)').matches) appStore.getState().setTheme('dark');
if (presentingFromUrl(window.location.search)) appStore.getState().setPresenting(true);

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
