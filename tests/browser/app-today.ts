/** The day the browser-test server stands on (APP_TODAY). Shared by playwright.config.ts and the specs. */
export const APP_TODAY = '2026-11-23';
