// Two tabs of the same site in Chromium: a login, a logout in one reaches
// the other, without a token in the message, and a browser without
// BroadcastChannel or web storage still logs in.
import { createPage, getBrowser, url } from '@nuxt/test-utils/e2e'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { alice } from '../support/accounts'
import { reportFigure, useTestBackend } from '../support/backend'
import { setupPlayground } from '../support/playground'

const backend = useTestBackend()
await setupPlayground(backend)

const JWT_SHAPE = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/

async function fillLogin(page: Page) {
  await page.goto(url('/login'), { waitUntil: 'networkidle' })
  await page.fill('input[type=email]', alice.email)
  await page.fill('input[type=password]', alice.password)
}

async function logIn(page: Page) {
  await fillLogin(page)
  await page.click('button[type=submit]')
  await page.waitForURL(url('/'))
}

/** Records what the module's channel carries, as seen by a third listener in `page`. */
async function listenToChannel(page: Page) {
  await page.evaluate(() => {
    const heard: unknown[] = []
    Object.assign(window, { heardByTest: heard })
    new BroadcastChannel('medusa-auth').onmessage = event => heard.push(event.data)
  })
  return () => page.evaluate(() => (window as unknown as { heardByTest: unknown[] }).heardByTest)
}

describe('every tab', () => {
  it('carries a login and a logout to the other tab of the site, and no token', async () => {
    const context = await (await getBrowser()).newContext()
    const first = await context.newPage()
    const second = await context.newPage()
    await second.goto(url('/'), { waitUntil: 'networkidle' })
    const heard = await listenToChannel(second)

    await first.bringToFront()
    await fillLogin(first)
    const loginAt = Date.now()
    await first.click('button[type=submit]')
    // Polled with timers: a page in the background may paint rarely.
    await second.waitForFunction(() => document.querySelector('[data-test=status]')?.textContent?.trim() === 'authenticated', undefined, { polling: 50 })
    const loginReached = Date.now() - loginAt

    // The other tab on a guarded page is sent to login when the first logs out.
    await second.bringToFront()
    await second.click('text=Account')
    await second.waitForURL(url('/account'))
    await first.bringToFront()
    const logoutAt = Date.now()
    await first.click('[data-test=logout]')
    await second.waitForURL(current => current.pathname === '/login')
    const logoutReached = Date.now() - logoutAt
    await reportFigure(`tabs: login reached the other tab after ${loginReached} ms (from the click), logout after ${logoutReached} ms`)

    const messages = await heard()
    expect(messages).toEqual(expect.arrayContaining([{ change: 'login' }, { change: 'logout' }]))
    expect(JSON.stringify(messages)).not.toMatch(JWT_SHAPE)
    await context.close()
  })

  it('still logs in where BroadcastChannel and web storage throw', async () => {
    const page = await createPage('/')
    await page.context().addInitScript(() => {
      const refuse = () => {
        throw new DOMException('blocked', 'SecurityError')
      }
      Object.defineProperty(window, 'BroadcastChannel', { get: refuse })
      Object.defineProperty(window, 'localStorage', { get: refuse })
      Object.defineProperty(window, 'sessionStorage', { get: refuse })
    })
    const errors: string[] = []
    page.on('pageerror', error => errors.push(error.message))

    await logIn(page)
    await page.goto(url('/account'))
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(alice.email)
    await page.click('[data-test=logout]')
    await page.waitForURL(url('/login'))
    expect(errors).toEqual([])
    await page.close()
  })
})
