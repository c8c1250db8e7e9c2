import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { appStore } from './store/use-app-store.ts';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

if (window.matchMedia('(prefers-color-scheme: dark)').matches) appStore.getState().setTheme('dark');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
