import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setup, useTestContext } from '@nuxt/test-utils/e2e'
import type { Page } from 'playwright-core'
import { afterAll, expect } from 'vitest'
import type { TestBackend } from './backend'
import { outputLog } from './backend'
import { chromiumLaunchOptions } from './browser.mjs'

/**
 * Builds the playground and serves it (production server) against `backend`,
 * with Chromium at hand. The server's output goes to test/.tmp/output for
 * the secret scan.
 */
export async function setupPlayground(backend: TestBackend, env: Record<string, string> = {}) {
  await setup({
    rootDir: fileURLToPath(new URL('../../playground', import.meta.url)),
    browser: true,
    browserOptions: { type: 'chromium', launch: chromiumLaunchOptions },
    env: {
      NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL: backend.url,
      NUXT_PUBLIC_MEDUSA_AUTH_PUBLISHABLE_KEY: backend.publishableKey,
      ...env,
    },
  })
  keepServerLogs()
}

/** After the test file, writes what its app server printed to test/.tmp/output/app-<test file>.log. Call after `setup()`. */
export function keepServerLogs() {
  const testFile = basename(expect.getState().testPath ?? 'app', '.test.ts')
  // The context, kept now: the test utilities' own teardown may drop it first.
  const context = useTestContext()
  afterAll(() => {
    const write = outputLog(`app-${testFile}`)
    for (const line of context.serverLogs ?? []) write(line)
  })
}

/** What the page's own scripts can read: its cookies, web storage and DOM. */
export function readableByScripts(page: Page) {
  return page.evaluate(() => ({
    cookie: document.cookie,
    local: JSON.stringify({ ...localStorage }),
    session: JSON.stringify({ ...sessionStorage }),
    html: document.documentElement.outerHTML,
  }))
}

/** Fills the playground's login form with `credentials` and submits it. */
export async function submitLogin(page: Page, credentials: { email: string, password: string }) {
  await page.fill('input[type=email]', credentials.email)
  await page.fill('input[type=password]', credentials.password)
  await page.click('button[type=submit]')
}
