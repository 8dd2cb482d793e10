// The built playground in session mode: Medusa keeps the login in its own
// httpOnly session cookie and the browser never holds a token.
import { randomUUID } from 'node:crypto'
import { createPage, url } from '@nuxt/test-utils/e2e'
import { describe, expect, it } from 'vitest'
import { alice } from '../support/accounts'
import { readableByScripts, setupPlayground, submitLogin } from '../support/playground'
import { askSdkAgain, expectSdkAnswer } from '../support/sdk-page'
import { useTestBackend } from '../support/backend'
import { clickThroughOidcLogin, oidcEmailFor } from '../support/oidc-provider'

const backend = useTestBackend()

await setupPlayground(backend, {
  NUXT_PUBLIC_MEDUSA_AUTH_TYPE: 'session',
  // The local OpenID provider runs on the loopback host: the app lists it explicitly.
  NUXT_PUBLIC_MEDUSA_AUTH_ALLOWED_REDIRECT_HOSTS: '127.0.0.1',
})

const JWT_SHAPE = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/

describe('session mode in the browser', () => {
  it('logs in with /auth/session, keeps no token, survives a reload, and logs out', async () => {
    const page = await createPage('/account')
    await page.waitForURL(current => current.pathname === '/login')
    const authRequests: string[] = []
    page.on('request', (request) => {
      if (request.url().startsWith(`${backend.url}/auth/`)) authRequests.push(`${request.method()} ${new URL(request.url()).pathname}`)
    })

    await page.fill('input[type=email]', alice.email)
    await page.fill('input[type=password]', alice.password)
    await page.click('button[type=submit]')
    await page.waitForURL(url('/account'))
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(alice.email)
    expect(authRequests).toEqual(['POST /auth/customer/emailpass', 'POST /auth/session'])

    const cookies = await page.context().cookies()
    expect(cookies.map(cookie => [cookie.name, cookie.httpOnly])).toEqual([['connect.sid', true]])
    const held = await readableByScripts(page)
    for (const value of Object.values(held)) expect(value).not.toMatch(JWT_SHAPE)

    await page.reload()
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(alice.email)

    // The app shares Medusa's host, so the browser sends Medusa's cookie here too: SSR forwards it.
    const rendered = await page.context().request.get(url('/account'))
    const html = await rendered.text()
    expect(html).toContain(`data-test="email">${alice.email}<`)
    expect(html).not.toMatch(JWT_SHAPE)
    expect(rendered.headers()['cache-control']).toBe('private, no-store')

    await page.click('[data-test=logout]')
    await page.waitForURL(url('/login'))
    expect(authRequests).toContain('DELETE /auth/session')
    // The browser's guard decides in session mode: the server cannot see Medusa's cookie.
    await page.goto(url('/account'))
    await page.waitForURL(current => current.pathname === '/login')
    await page.close()
  })
})

describe('a third-party login in session mode', () => {
  it('completes a first OpenID login: callback, session, new customer, refresh, and keeps no token', async () => {
    const login = `session-${randomUUID().slice(0, 8)}`
    const page = await createPage('/login?redirect=/account')
    const authRequests: string[] = []
    page.on('request', (request) => {
      if (request.url().startsWith(backend.url)) authRequests.push(`${request.method()} ${new URL(request.url()).pathname}`)
    })
    await clickThroughOidcLogin(page, backend.oidcIssuer, login)
    await page.waitForURL(url('/account'))
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(oidcEmailFor(login))
    expect(authRequests).toEqual(expect.arrayContaining([
      'POST /auth/customer/oidc', 'GET /auth/customer/oidc/callback', 'POST /auth/session', 'POST /store/customers', 'POST /auth/token/refresh',
    ]))
    const held = await readableByScripts(page)
    for (const value of Object.values(held)) expect(value).not.toMatch(JWT_SHAPE)
    expect((await page.context().cookies()).map(cookie => cookie.name)).toContain('connect.sid')
    await page.reload()
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(oidcEmailFor(login))
    await page.close()
  })
})

describe('the JS SDK beside the module, in session mode', () => {
  it('shares Medusa\'s session cookie with the SDK, in SSR and the browser; an SDK logout is the module\'s too', async () => {
    const page = await createPage('/login?redirect=/sdk')
    await submitLogin(page, alice)
    await page.waitForURL(url('/sdk'))
    await expectSdkAnswer(page, alice.email)
    await askSdkAgain(page, alice.email)
    const rendered = await (await page.context().request.get(url('/sdk'))).text()
    expect(rendered).toContain(`data-test="sdk-answer">${alice.email}<`)

    await page.click('[data-test=sdk-logout]')
    await expectSdkAnswer(page, 'refused: 401')
    await expect(page.locator('[data-test=logout]').count()).resolves.toBe(0)
    await page.goto(url('/account'))
    await page.waitForURL(current => current.pathname === '/login')
    await page.close()
  })
})
