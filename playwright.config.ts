/**
 * Browser tests against the real server (scripts/start.mjs) with a fresh embedded PostgreSQL and
 * demo data, on Debian's Chromium (no browser download possible here; STACK-NOTES trap 7).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { APP_TODAY } from './tests/browser/app-today.ts';

const PORT = process.env.BROWSER_TEST_PORT ?? '3917';
const baseURL = `http://127.0.0.1:${PORT}`;

/**
 * Each run leaves its database folder behind (~100 MB; the server may still be stopping when the
 * runner exits). Remove those of earlier runs: older than 10 minutes and no PostgreSQL running there.
 */
function removeStaleRunFolders(): void {
  if (process.env.BROWSER_TEST_DATA_DIR) return; // a worker process: the runner already did it
  const cutoff = Date.now() - 10 * 60_000;
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!/^boiduong-(browser|chromium)-/.test(name)) continue;
    const dir = path.join(os.tmpdir(), name);
    try {
      if (fs.statSync(dir).mtimeMs > cutoff || fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'))) continue;
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // Not ours to judge (permissions, a race with another run): leave it.
    }
  }
}
removeStaleRunFolders();

/** A fresh 0755 temp folder, made once by the runner; worker processes inherit it through the env. */
function tempDir(envName: string, prefix: string): string {
  const existing = process.env[envName];
  if (existing && fs.existsSync(existing)) return existing;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  // PostgreSQL runs as user `postgres` when we are root: the data folder must be traversable (trap 2).
  fs.chmodSync(dir, 0o755);
  process.env[envName] = dir;
  return dir;
}

const dataDir = tempDir('BROWSER_TEST_DATA_DIR', 'boiduong-browser-');
// The browser's own HOME / XDG folders, away from the machine's profile.
const browserHome = tempDir('BROWSER_TEST_HOME', 'boiduong-chromium-');

const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
  env: {
    ...process.env,
    HOME: browserHome,
    XDG_CONFIG_HOME: path.join(browserHome, '.config'),
    XDG_CACHE_HOME: path.join(browserHome, '.cache'),
    XDG_DATA_HOME: path.join(browserHome, '.local/share'),
  } as Record<string, string>,
};

export default defineConfig({
  testDir: 'tests/browser',
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    launchOptions: chromium,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'desktop',
      testIgnore: /\.phone\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 800 }, launchOptions: chromium },
    },
    {
      name: 'phone',
      testMatch: /\.phone\.spec\.ts$/,
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, launchOptions: chromium },
    },
  ],
  webServer: {
    command: 'node scripts/start.mjs',
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT,
      DATA_DIR: dataDir,
      NODE_ENV: 'test',
      APP_TODAY,
    },
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
