import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

import { ROOT } from './playground-process';

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

/** Debian's Chromium, headless, with nothing that reaches out to the network on its own. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });

/** Saves the whole page to test-results/screenshots/<name>.png. */
export const screenshot = async (page: Page, name: string) => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The admin scrolls inside its own layout, so a full-page shot needs a viewport that tall.
  const viewport = page.viewportSize();
  const height = await page.evaluate(() =>
    Math.max(
      ...Array.from(document.querySelectorAll('main, main *'), (element) => element.scrollHeight)
    )
  );
  if (viewport)
    await page.setViewportSize({
      width: viewport.width,
      height: Math.min(Math.max(height + 80, viewport.height), 4000),
    });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
  if (viewport) await page.setViewportSize(viewport);
};

/** Signs in through the admin's login form and waits for the admin to open. */
export const logIn = async (page: Page, baseUrl: string, email: string, password: string) => {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole('button', { name: /log ?in/i }).click();
  await page.waitForURL((url) => !url.pathname.includes('/auth/'), { timeout: 30_000 });
};
