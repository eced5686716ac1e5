// Playwright drives Debian's Chromium (never `npx playwright install`) against the real
// server serving the demo storefront; `cargo xtask test` starts it and sets AFTERCARE_BASE_URL.
const { defineConfig } = require('@playwright/test');

const baseURL = process.env.AFTERCARE_BASE_URL || 'http://127.0.0.1:8080';

module.exports = defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list'], ['json']],
  // Failure screenshots; `cargo xtask test` gives each of its two runs (SQLite, cluster) its own.
  outputDir: process.env.AFTERCARE_E2E_RESULTS || '../target/e2e/results',
  use: {
    baseURL,
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run'],
    },
  },
});
