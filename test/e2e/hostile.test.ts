// Hostile input and faults, in headless Chromium, with the built playground
// talking to the real Medusa server through a fault proxy: redirect payloads
// through the app's own navigation and the real guard, third-party locations
// off the allowlist, malformed answers at the login form and during SSR,
// Medusa down at start and later, a clock five minutes off, a double submit.
import { createPage, getBrowser, url } from '@nuxt/test-utils/e2e'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { alice } from '../support/accounts'
import { loginDirectly, reportFigure, useTestBackend } from '../support/backend'
import { startFaultProxy } from '../support/fault-proxy'
import type { FaultAnswer } from '../support/fault-proxy'
import { malformedAnswers } from '../support/malformed-answers'
import { setupPlayground, submitLogin } from '../support/playground'
import { adversarialRedirects, hostileLocations } from '../support/redirect-corpus'

const backend = useTestBackend()
const proxy = await startFaultProxy(backend.url)
afterAll(() => proxy.stop())
beforeEach(() => proxy.reset())

// Medusa is down while the app starts; the first test brings it up.
await proxy.down()
await setupPlayground({ ...backend, url: proxy.url })

const appOrigin = () => new URL(url('/')).origin

/** Answers `method path` with `answer` (the browser's CORS preflight still reaches Medusa). */
function inject(method: string, path: string, answer: FaultAnswer) {
  proxy.setRule(request => (request.method === method && request.path.split('?')[0] === path ? answer : undefined))
}

/** Records, and aborts, every request the context makes to a host that is neither the app nor Medusa. */
async function guardOffSite(context: BrowserContext) {
  const offSite: string[] = []
  await context.route('**/*', async (route) => {
    const { origin } = new URL(route.request().url())
    if (origin === appOrigin() || origin === proxy.url) return route.continue()
    offSite.push(route.request().url())
    return route.abort()
  })
  return offSite
}

/** A fresh context and page on `path`, with off-site requests recorded, and page errors and 5xx documents counted. */
async function openPage(path: string) {
  const context = await (await getBrowser()).newContext()
  const offSite = await guardOffSite(context)
  const page = await context.newPage()
  const pageErrors: string[] = []
  const serverErrors: string[] = []
  page.on('pageerror', error => pageErrors.push(error.message))
  page.on('response', (response) => {
    if (response.status() >= 500 && response.url().startsWith(appOrigin())) serverErrors.push(`${response.status()} ${response.url()}`)
  })
  await page.goto(url(path), { waitUntil: 'networkidle' })
  return { context, page, offSite, pageErrors, serverErrors }
}

describe('Medusa down when the app starts', () => {
  it('the app serves its pages, guards, and logs in once Medusa is up', async () => {
    const statuses = await Promise.all(['/', '/login', '/account', '/register'].map(async path =>
      (await fetch(url(path), { redirect: 'manual' })).status))
    expect(statuses).toEqual([200, 200, 302, 200])

    await proxy.up()
    const { context, page, pageErrors } = await openPage('/login?redirect=/account')
    await submitLogin(page, alice)
    await page.waitForURL(url('/account'))
    expect(pageErrors).toEqual([])
    await context.close()
  })
})

describe('redirect payloads', () => {
  it('keep every one of the corpus on the site when the app navigates after a login', async () => {
    const payloads = adversarialRedirects().filter((payload): payload is string => typeof payload === 'string')
    const { context, page, offSite } = await openPage('/')
    const results = await page.evaluate(async (targets) => {
      const app = (document.querySelector('#__nuxt') as unknown as { __vue_app__: { config: { globalProperties: Record<string, unknown> } } }).__vue_app__
      const nuxt = app.config.globalProperties.$nuxt as {
        $router: { push: (to: unknown) => Promise<unknown> }
        $medusaAuth: { continueAfterLogin: () => Promise<unknown> }
      }
      const landed: Array<{ payload: string, href: string, error?: string }> = []
      for (const payload of targets) {
        await nuxt.$router.push({ path: '/', query: { redirect: payload } }).catch(() => undefined)
        try {
          await nuxt.$medusaAuth.continueAfterLogin()
          landed.push({ payload, href: window.location.href })
        }
        catch (error) {
          landed.push({ payload, href: window.location.href, error: String(error) })
        }
      }
      return landed
    }, payloads)

    const escaped = results.filter(result => new URL(result.href).origin !== appOrigin())
    const failed = results.filter(result => result.error)
    await reportFigure(`browser redirects: ${results.length} payloads through continueAfterLogin in Chromium, ${escaped.length} left the site, ${offSite.length} off-site requests`)
    expect(results.length).toBeGreaterThanOrEqual(1000)
    expect(escaped).toEqual([])
    expect(failed).toEqual([])
    expect(offSite).toEqual([])
    await context.close()
  })

  it.each([
    '//evil.example', '/\\evil.example', '/%2F%2Fevil.example', '/%252F%252Fevil.example', '/\t/evil.example',
    '/.//evil.example', 'https://evil.example', 'javascript:alert(1)', '／／evil.example', '/\u3000/evil.example',
  ])('keep %j on the site through the guard and a real login', async (payload) => {
    const { context, page, offSite, pageErrors } = await openPage(`/login?redirect=${encodeURIComponent(payload)}`)
    await submitLogin(page, alice)
    await page.waitForFunction(() => !window.location.pathname.startsWith('/login'))
    await page.waitForLoadState('networkidle')
    expect(new URL(page.url()).origin).toBe(appOrigin())
    expect(offSite).toEqual([])
    expect(pageErrors).toEqual([])
    await context.close()
  })
})

describe('third-party locations', () => {
  it(`refuse all ${hostileLocations.length} hostile locations without navigating or remembering a target`, async () => {
    const { context, page, offSite } = await openPage('/login?redirect=/account')
    const refusals: Array<{ name: string, type: string }> = []
    for (const [name, location] of hostileLocations) {
      // JSON has no `toString`: an object location arrives as an object holding the URL.
      const value = typeof location === 'object' && location !== null && !Array.isArray(location) ? { href: String(location) } : location
      inject('POST', '/auth/customer/google', { status: 200, body: JSON.stringify({ location: value }) })
      const type = await page.evaluate(async () => {
        const app = (document.querySelector('#__nuxt') as unknown as { __vue_app__: { config: { globalProperties: Record<string, unknown> } } }).__vue_app__
        const nuxt = app.config.globalProperties.$nuxt as { $medusaAuth: { loginWith: (provider: string) => Promise<unknown> } }
        try {
          await nuxt.$medusaAuth.loginWith('google')
          return 'navigated'
        }
        catch (error) {
          return (error as { type?: string }).type ?? String(error)
        }
      })
      refusals.push({ name, type })
    }
    expect(new URL(page.url()).pathname).toBe('/login')
    expect(offSite).toEqual([])
    expect((await context.cookies()).map(cookie => cookie.name)).not.toContain('medusa_auth_redirect')
    expect(refusals.filter(refusal => !['location_not_allowed', 'invalid_response'].includes(refusal.type))).toEqual([])
    await reportFigure(`third-party locations: ${hostileLocations.length} hostile cases through loginWith in Chromium, ${offSite.length} navigations off the allowlist`)
    await context.close()
  })
})

describe('malformed answers', () => {
  it(`at the login form: all ${malformedAnswers.length} kinds show an error, keep what was typed, and log no one in`, { timeout: 120_000 }, async () => {
    const { context, page, pageErrors, serverErrors } = await openPage('/login?redirect=/account')
    const shown: Array<{ name: string, message: string }> = []
    for (const { name, answer } of malformedAnswers) {
      inject('POST', '/auth/customer/emailpass', answer)
      await page.goto(url('/login?redirect=/account'), { waitUntil: 'networkidle' })
      await submitLogin(page, alice)
      const message = (await page.getByRole('alert').textContent({ timeout: 30_000 }))?.trim() ?? ''
      shown.push({ name, message })
      expect(new URL(page.url()).pathname, name).toBe('/login')
      expect(await page.inputValue('input[type=email]'), name).toBe(alice.email)
      expect(await page.inputValue('input[type=password]'), name).toBe(alice.password)
      expect((await context.cookies()).map(cookie => cookie.name), name).not.toContain('medusa_auth_token')
    }
    expect(shown.filter(entry => !entry.message)).toEqual([])
    expect(shown.filter(entry => entry.message.length > 200 || /xxxxxxxx|<html/i.test(entry.message))).toEqual([])
    expect(pageErrors).toEqual([])
    expect(serverErrors).toEqual([])
    await reportFigure(`login form: ${malformedAnswers.length} malformed answers, ${shown.filter(entry => entry.message).length} shown as a message, ${pageErrors.length} page errors, ${serverErrors.length} 5xx pages`)
    await context.close()
  })

  it('during SSR of a logged-in page: never a 500 page, never the answer\'s body', { timeout: 120_000 }, async () => {
    const token = await loginDirectly(backend, 'customer', alice)
    const statuses: Array<{ name: string, status: number }> = []
    for (const { name, answer, slow } of malformedAnswers) {
      if (slow) continue
      inject('GET', '/store/customers/me', answer)
      const response = await fetch(url('/account'), { headers: { cookie: `medusa_auth_token=${token}` } })
      const html = await response.text()
      statuses.push({ name, status: response.status })
      // An error page of Medusa's never reaches the HTML (a JSON answer is the page's data, and may).
      expect(html, name).not.toMatch(/<html>x{16}/)
    }
    expect(statuses.filter(entry => entry.status >= 500)).toEqual([])
    await reportFigure(`SSR: ${statuses.length} malformed answers to /store/customers/me, ${statuses.filter(entry => entry.status >= 500).length} 500 pages`)
  })
})

describe('faults', () => {
  it('Medusa down: pages still render, a login says Medusa cannot be reached, and works once it is back', async () => {
    await proxy.down()
    try {
      const { context, page, pageErrors, serverErrors } = await openPage('/login?redirect=/account')
      await submitLogin(page, alice)
      await expect(page.getByRole('alert').textContent()).resolves.toContain('Could not reach the Medusa server')
      expect(await page.inputValue('input[type=password]')).toBe(alice.password)

      const token = await loginDirectly(backend, 'customer', alice)
      const account = await fetch(url('/account'), { headers: { cookie: `medusa_auth_token=${token}` } })
      expect(account.status).toBe(200)

      await proxy.up()
      await page.click('button[type=submit]')
      await page.waitForURL(url('/account'))
      await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(alice.email)
      expect(pageErrors).toEqual([])
      expect(serverErrors).toEqual([])
      await context.close()
    }
    finally {
      await proxy.up().catch(() => undefined)
    }
  })

  it.each([[5], [-5]])('a clock %i minutes off still logs in and stays logged in over a reload', async (minutes) => {
    const context = await (await getBrowser()).newContext()
    const page = await context.newPage()
    await page.clock.install({ time: Date.now() + minutes * 60_000 })
    await page.goto(url('/login?redirect=/account'), { waitUntil: 'networkidle' })
    await submitLogin(page, alice)
    await page.waitForURL(url('/account'))
    await page.reload()
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(alice.email)
    await context.close()
  })

  it('a double submit of the login form logs in once, without an error', async () => {
    const page = await createPage('/login?redirect=/account')
    let logins = 0
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url() === `${proxy.url}/auth/customer/emailpass`) logins++
    })
    await page.fill('input[type=email]', alice.email)
    await page.fill('input[type=password]', alice.password)
    await page.evaluate(() => {
      const form = document.querySelector('form')!
      form.requestSubmit()
      form.requestSubmit()
    })
    await page.waitForURL(url('/account'))
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(alice.email)
    await expect(page.getByRole('alert').count()).resolves.toBe(0)
    expect(logins).toBe(1)
    await page.close()
  })
})
