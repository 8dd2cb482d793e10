// The DevTools tab's page, on the playground's dev server (the only place it
// exists), shown in a frame of the logged-in app as DevTools shows it.
import { fileURLToPath } from 'node:url'
import { createPage, setup, url } from '@nuxt/test-utils/e2e'
import { describe, expect, it } from 'vitest'
import { alice } from '../support/accounts'
import { useTestBackend } from '../support/backend'
import { chromiumLaunchOptions } from '../support/browser.mjs'
import { keepServerLogs, submitLogin } from '../support/playground'

const backend = useTestBackend()

await setup({
  rootDir: fileURLToPath(new URL('../../playground', import.meta.url)),
  dev: true,
  browser: true,
  browserOptions: { type: 'chromium', launch: chromiumLaunchOptions },
  env: {
    NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL: backend.url,
    NUXT_PUBLIC_MEDUSA_AUTH_PUBLISHABLE_KEY: backend.publishableKey,
  },
})
keepServerLogs()

describe('the DevTools tab', () => {
  it('shows the mode, the logged-in visitor with the time to expiry, and checks that pass against the real Medusa', async () => {
    const page = await createPage('/login')
    await submitLogin(page, alice)
    await page.waitForURL(url('/'))

    await page.evaluate((src) => {
      const frame = document.createElement('iframe')
      frame.src = src
      frame.name = 'medusa-auth-devtools'
      document.body.append(frame)
    }, '/__medusa-auth/devtools')
    const tab = page.frameLocator('iframe[name=medusa-auth-devtools]')
    await expect.poll(() => tab.locator('[data-test=status]').textContent(), { timeout: 15_000 }).toBe('authenticated')
    await expect(tab.locator('[data-test=type]').textContent()).resolves.toBe('jwt')
    await expect(tab.locator('[data-test=storage]').textContent()).resolves.toBe('cookie')
    await expect(tab.locator('[data-test=actor]').textContent()).resolves.toMatch(/^customer cus_\w+$/)
    await expect(tab.locator('[data-test=expires-in]').textContent()).resolves.toMatch(/^\d+ s/)
    await expect(tab.locator('[data-test=claims]').textContent()).resolves.toContain('"actor_type": "customer"')
    expect(await tab.locator('[data-check]').evaluateAll(rows => rows.map(row => row.getAttribute('data-check')))).toEqual(['ok', 'ok', 'ok', 'ok'])
    // No token reaches the tab.
    await expect(tab.locator('body').textContent()).resolves.not.toMatch(/eyJ[\w-]+\.eyJ/)

    // Logging out shows at once.
    await page.click('[data-test=logout]')
    await expect.poll(() => tab.locator('[data-test=status]').textContent().catch(() => ''), { timeout: 5_000 }).not.toBe('authenticated')
    await page.close()
  })
})
