// Session mode when Medusa restarts mid-session: without Redis its sessions
// live in memory and are lost. The visitor must be logged out cleanly (no
// error page) and able to log in again. A second real Medusa server, on the
// test database, is stopped and started again on the same port.
import { createPage, url } from '@nuxt/test-utils/e2e'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort, startBackend } from '../medusa/harness.mjs'
import { alice } from '../support/accounts'
import { outputLog, useTestBackend } from '../support/backend'
import { setupPlayground } from '../support/playground'

const shared = useTestBackend()
const port = await freePort()
const start = () => startBackend(new URL(shared.databaseUrl).pathname.slice(1), { port, host: '127.0.0.1', log: outputLog('medusa-restart') })
let medusa = await start()
afterAll(() => medusa.stop())

await setupPlayground({ ...shared, url: medusa.url, publishableKey: medusa.publishableKey }, {
  NUXT_PUBLIC_MEDUSA_AUTH_TYPE: 'session',
})

async function logIn(page: Page) {
  await page.fill('input[type=email]', alice.email)
  await page.fill('input[type=password]', alice.password)
  await page.click('button[type=submit]')
  await page.waitForURL(url('/account'))
  await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(alice.email)
}

describe('Medusa restarted mid-session', () => {
  it('logs the visitor out cleanly, and a new login works', { timeout: 180_000 }, async () => {
    const page = await createPage('/login?redirect=/account')
    const serverErrors: string[] = []
    const pageErrors: string[] = []
    page.on('response', (response) => {
      if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`)
    })
    page.on('pageerror', error => pageErrors.push(error.message))
    await logIn(page)

    await medusa.stop()
    medusa = await start()

    await page.reload()
    await page.waitForURL(current => current.pathname === '/login')
    expect(new URL(page.url()).searchParams.get('redirect')).toBe('/account')
    await expect(page.locator('[data-test=logout]').count()).resolves.toBe(0)

    await logIn(page)
    expect(serverErrors).toEqual([])
    expect(pageErrors).toEqual([])
    await page.close()
  })
})
