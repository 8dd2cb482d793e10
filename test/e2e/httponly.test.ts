// The built playground with `storage: 'httpOnly'`: the module's server routes
// log in, refresh and log out against the real Medusa server and keep the
// JWT in an httpOnly cookie; `$medusaAuth.fetch` goes through their proxy.
// In Chromium, no JWT-shaped string may reach browser JavaScript.
import { randomUUID } from 'node:crypto'
import { $fetch, createPage, url } from '@nuxt/test-utils/e2e'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createCustomer } from '../medusa/harness.mjs'
import { alice } from '../support/accounts'
import { loginDirectly, reportFigure, useTestBackend } from '../support/backend'
import { clickThroughOidcLogin, oidcEmailFor } from '../support/oidc-provider'
import { readableByScripts, setupPlayground, submitLogin } from '../support/playground'
import { askSdkAgain, expectSdkAnswer } from '../support/sdk-page'
import { completeMfaPage, enableTotpFactor } from '../support/totp'

const backend = useTestBackend()

await setupPlayground(backend, {
  NUXT_PUBLIC_MEDUSA_AUTH_STORAGE: 'httpOnly',
  NUXT_PUBLIC_MEDUSA_AUTH_ALLOWED_REDIRECT_HOSTS: '127.0.0.1',
})

const JWT_SHAPE = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/
const ROUTES = '/api/_medusa-auth'

/** Everything the browser received from the module's server routes, and its requests to Medusa that carried credentials. */
function watchTraffic(page: Page) {
  const answers: string[] = []
  const routeRequests: string[] = []
  const credentialedMedusaRequests: string[] = []
  page.on('request', async (request) => {
    const { origin, pathname } = new URL(request.url())
    if (pathname.startsWith(ROUTES)) routeRequests.push(`${request.method()} ${pathname.slice(ROUTES.length)}`)
    if (origin !== backend.url) return
    const headers = await request.allHeaders().catch(() => request.headers())
    if (headers.authorization || headers.cookie) credentialedMedusaRequests.push(pathname)
  })
  page.on('response', async (response) => {
    if (new URL(response.url()).pathname.startsWith(ROUTES)) answers.push(await response.text().catch(() => ''))
  })
  return { answers, routeRequests, credentialedMedusaRequests }
}

/** What browser JavaScript can read: no JWT-shaped string anywhere, and the token cookie is httpOnly. */
async function expectNoTokenInBrowser(page: Page) {
  const held = await readableByScripts(page)
  for (const value of Object.values(held)) expect(value).not.toMatch(JWT_SHAPE)

  // The HTML the server rendered for this visitor, payload included.
  const cookieHeader = (await page.context().cookies(url('/'))).map(cookie => `${cookie.name}=${cookie.value}`).join('; ')
  const rendered = await $fetch<string>(new URL(page.url()).pathname, { headers: { cookie: cookieHeader } })
  expect(rendered).not.toMatch(JWT_SHAPE)
  return rendered
}

async function tokenCookie(page: Page) {
  return (await page.context().cookies(url('/'))).find(cookie => cookie.name === 'medusa_auth_token')
}

describe('httpOnly mode in the browser', () => {
  it('logs in, fetches, refreshes and logs out with the token out of JavaScript\'s reach', async () => {
    const page = await createPage('/login?redirect=/account')
    const traffic = watchTraffic(page)
    await submitLogin(page, alice)
    await page.waitForURL(url('/account'))
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(alice.email)

    const cookie = await tokenCookie(page)
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/' })
    expect(cookie!.value).toMatch(JWT_SHAPE)
    expect((await expectNoTokenInBrowser(page))).toContain(`data-test="email">${alice.email}<`)

    // A client-side navigation to the account page fetches through the proxy.
    await page.click('text=Home')
    await page.waitForURL(url('/'))
    await page.click('text=Account')
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(alice.email)

    // A refresh replaces the cookie's token; Medusa's iat counts seconds, so wait one.
    await new Promise(resolve => setTimeout(resolve, 1100))
    await page.click('text=Home')
    const expiresBefore = (await page.locator('[data-test=expires]').textContent())?.trim()
    await page.click('[data-test=refresh]')
    await page.waitForFunction(before => document.querySelector('[data-test=expires]')?.textContent?.trim() !== before, expiresBefore)
    expect((await tokenCookie(page))!.value).not.toBe(cookie!.value)
    await expectNoTokenInBrowser(page)

    await page.click('[data-test=logout]')
    await page.waitForURL(current => current.pathname === '/login')
    expect(await tokenCookie(page)).toBeUndefined()

    expect([...new Set(traffic.routeRequests)]).toEqual(['POST /login', 'GET /proxy/store/customers/me', 'POST /refresh', 'POST /logout'])
    expect(traffic.credentialedMedusaRequests).toEqual([])
    expect(traffic.answers.filter(answer => JWT_SHAPE.test(answer))).toEqual([])
    await reportFigure(`httpOnly mode: ${traffic.answers.length} server-route answers seen by the browser, ${traffic.answers.filter(answer => JWT_SHAPE.test(answer)).length} with a JWT; ${traffic.credentialedMedusaRequests.length} browser requests to Medusa with credentials`)
    await page.close()
  })

  it('completes an MFA login with the partial token kept in an httpOnly cookie', async () => {
    const customer = { email: `httponly-mfa-${randomUUID()}@medusa-auth.test`, password: 'mfa-password-1', first_name: 'Mia' }
    await createCustomer(backend, customer)
    const secret = await enableTotpFactor(backend.url, await loginDirectly(backend, 'customer', customer))

    const page = await createPage('/login?redirect=/account')
    const traffic = watchTraffic(page)
    await submitLogin(page, customer)
    await page.waitForURL(current => current.pathname === '/login/mfa')
    const pending = (await page.context().cookies(url('/'))).find(cookie => cookie.name === 'medusa_auth_token_pending')
    expect(pending).toMatchObject({ httpOnly: true, sameSite: 'Lax' })
    expect(await tokenCookie(page)).toBeUndefined()
    await expectNoTokenInBrowser(page)

    await completeMfaPage(page, secret)
    await page.waitForURL(url('/account'))
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(customer.email)
    expect((await page.context().cookies(url('/'))).map(cookie => cookie.name)).toEqual(['medusa_auth_token'])
    await expectNoTokenInBrowser(page)
    expect(traffic.answers.filter(answer => JWT_SHAPE.test(answer))).toEqual([])
    await page.close()
  })

  it('completes a first OpenID login: callback, new customer through the proxy, refresh', async () => {
    const login = `httponly-${randomUUID().slice(0, 8)}`
    const page = await createPage('/login?redirect=/account')
    const traffic = watchTraffic(page)
    await clickThroughOidcLogin(page, backend.oidcIssuer, login)
    await page.waitForURL(url('/account'))
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(oidcEmailFor(login))
    await expectNoTokenInBrowser(page)
    expect([...new Set(traffic.routeRequests)]).toEqual(['POST /login', 'POST /callback', 'POST /proxy/store/customers', 'POST /refresh', 'GET /proxy/store/customers/me'])
    expect(traffic.answers.filter(answer => JWT_SHAPE.test(answer))).toEqual([])
    await page.close()
  })

  it('registers a customer through the server routes', async () => {
    const email = `httponly-register-${randomUUID()}@medusa-auth.test`
    const page = await createPage('/register')
    await page.fill('input[type=email]', email)
    await page.fill('input[type=password]', 'a-password-1')
    await page.fill('input[name=first_name]', 'Hana')
    await page.click('button[type=submit]')
    await page.waitForURL(url('/'))
    await page.click('text=Account')
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(email)
    await expectNoTokenInBrowser(page)
    await page.close()
  })
})

describe('the JS SDK beside the module, in httpOnly mode', () => {
  it('serves sdk.store.customer.retrieve() on the server with the cookie\'s token, and in the browser through the proxy', async () => {
    const page = await createPage('/login?redirect=/sdk')
    const traffic = watchTraffic(page)
    await submitLogin(page, alice)
    await page.waitForURL(url('/sdk'))
    await expectSdkAnswer(page, alice.email)
    await askSdkAgain(page, alice.email)
    expect(traffic.routeRequests).toContain('GET /proxy/store/customers/me')
    expect(traffic.credentialedMedusaRequests).toEqual([])
    expect(await expectNoTokenInBrowser(page)).toContain(`data-test="sdk-answer">${alice.email}<`)

    // The SDK's own auth calls cannot reach Medusa's /auth routes from here; the module logs out.
    await page.click('[data-test=logout]')
    await page.waitForURL(current => current.pathname === '/login')
    await page.goto(url('/sdk'))
    await expectSdkAnswer(page, 'refused: 401')
    await page.close()
  })
})

describe('httpOnly mode\'s server routes', () => {
  const post = (route: string, init: RequestInit = {}) => fetch(url(`${ROUTES}${route}`), {
    method: 'POST',
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  })

  it('answer a login with the claims and set the token only as an httpOnly cookie', async () => {
    const response = await post('/login', { body: JSON.stringify({ actor: 'customer', provider: 'emailpass', payload: alice }) })
    expect(response.status).toBe(200)
    const body = await response.text()
    expect(body).not.toMatch(JWT_SHAPE)
    expect(JSON.parse(body).claims).toMatchObject({ actor_type: 'customer', auth_provider: 'emailpass' })
    const [setCookie, ...others] = response.headers.getSetCookie()
    expect(others).toEqual([])
    expect(setCookie).toMatch(/^medusa_auth_token=eyJ/)
    expect(setCookie).toMatch(/; HttpOnly/i)
    expect(setCookie).toMatch(/; SameSite=Lax/i)
  })

  it('give Medusa\'s typed errors, and refuse bad input with a typed 400', async () => {
    const wrong = await post('/login', { body: JSON.stringify({ actor: 'customer', provider: 'emailpass', payload: { email: alice.email, password: 'nope' } }) })
    expect(wrong.status).toBe(401)
    await expect(wrong.json()).resolves.toMatchObject({ type: 'unauthorized', message: 'Invalid email or password' })

    const badActor = await post('/login', { body: JSON.stringify({ actor: '../admin', provider: 'emailpass', payload: {} }) })
    expect(badActor.status).toBe(400)
    await expect(badActor.json()).resolves.toMatchObject({ type: 'invalid_data' })

    const notJson = await post('/login', { body: 'email=a', headers: { 'content-type': 'text/plain' } })
    expect(notJson.status).toBe(400)

    const noSession = await post('/refresh')
    expect(noSession.status).toBe(401)
    const noStep = await post('/mfa/verify', { body: JSON.stringify({ challenge_id: 'x', method: 'totp', code: '1' }) })
    expect(noStep.status).toBe(401)
    expect((await post('/nothing')).status).toBe(404)
  })

  it('refuse a request from another site', async () => {
    const response = await post('/login', {
      headers: { origin: 'https://evil.example' },
      body: JSON.stringify({ actor: 'customer', provider: 'emailpass', payload: alice }),
    })
    expect(response.status).toBe(403)
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('proxy Medusa with the cookie\'s token, but never Medusa\'s /auth routes', async () => {
    const token = await loginDirectly(backend, 'customer', alice)
    const cookie = { cookie: `medusa_auth_token=${token}` }
    const me = await fetch(url(`${ROUTES}/proxy/store/customers/me?fields=email`), { headers: cookie })
    expect(me.status).toBe(200)
    await expect(me.json()).resolves.toMatchObject({ customer: { email: alice.email } })

    const anonymous = await fetch(url(`${ROUTES}/proxy/store/customers/me`))
    expect(anonymous.status).toBe(401)

    for (const path of ['/auth/token/refresh', '/AUTH/token/refresh', '/%61uth/token/refresh', '/%2Fauth/token/refresh', '/store/../auth/token/refresh']) {
      const response = await fetch(url(`${ROUTES}/proxy${path}`), { method: 'POST', headers: cookie })
      expect([400, 403, 404], path).toContain(response.status)
      expect(await response.text(), path).not.toMatch(JWT_SHAPE)
    }
  })
})
