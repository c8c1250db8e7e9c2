import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// base './' so the built site works from any sub-path (a blog's /tools/layerlab/).
export default defineConfig({
  base: './',
  plugins: [react()],
  build: { outDir: 'dist', sourcemap: false },
  test: {
    include: ['app/**/*.test.ts', 'app/**/*.test.tsx', 'conformance/**/*.test.ts'],
    environment: 'node',
  },
});
