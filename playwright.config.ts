import { defineConfig } from '@playwright/test';

// Debian's Chromium: a test tool's own browser download cannot work on these machines.
const chromium = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// E2E_PORT lets two runs share a machine (each builds into its own directory and serves its own port).
const port = Number(process.env['E2E_PORT'] ?? 4174);
const outDir = port === 4174 ? 'dist' : `/tmp/layerlab-e2e-${port}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 30_000,
  retries: 0,
  // A stray test.only must not silently skip the rest in CI.
  forbidOnly: Boolean(process.env['CI']),
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: chromium,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `npx vite build --logLevel warn --outDir ${outDir} --emptyOutDir && npx vite preview --outDir ${outDir} --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
