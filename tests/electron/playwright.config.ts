import { defineConfig } from '@playwright/test'

/** The packaged-app checks: `npx playwright test -c tests/electron` after `electron-vite build`. */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 90_000,
  workers: 1,
  reporter: [['list']],
})
