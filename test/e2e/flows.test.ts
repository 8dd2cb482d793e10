// Every login flow of the playground in headless Chromium, against the real
// Medusa server and a real OpenID provider: guards, redirects, third-party
// round trips, registration, password reset and MFA.
import { randomUUID } from 'node:crypto'
import { createPage, url } from '@nuxt/test-utils/e2e'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { createCustomer } from '../medusa/harness.mjs'
import { admin, alice } from '../support/accounts'
import { loginDirectly, useTestBackend, waitForAuthEvent } from '../support/backend'
import { setupPlayground, submitLogin } from '../support/playground'
import { queryBackend } from '../support/database'
import { clickThroughOidcLogin, oidcEmailFor } from '../support/oidc-provider'
import { completeMfaPage, enableTotpFactor } from '../support/totp'

const backend = useTestBackend()

await setupPlayground(backend, {
  // The local OpenID provider runs on the loopback host: the app lists it explicitly.
  NUXT_PUBLIC_MEDUSA_AUTH_ALLOWED_REDIRECT_HOSTS: '127.0.0.1,accounts.google.com,github.com',
})

/** The page's path and, decoded, the `redirect` it carries. */
const pathOf = (page: Page) => {
  const current = new URL(page.url())
  const redirect = current.searchParams.get('redirect')
  return redirect === null ? current.pathname : `${current.pathname} → ${redirect}`
}

async function newCustomer(prefix: string) {
  const customer = { email: `${prefix}-${randomUUID()}@medusa-auth.test`, password: 'first-password-1', first_name: prefix }
  await createCustomer(backend, customer)
  return customer
}

describe('guards', () => {
  it('answers a server-rendered guarded page with a redirect to login that keeps the full path', async () => {
    const response = await fetch(url('/account?tab=orders'), { redirect: 'manual' })
    expect(response.status).toBe(302)
    const location = new URL(response.headers.get('location')!, url('/'))
    expect(location.pathname).toBe('/login')
    expect(location.searchParams.get('redirect')).toBe('/account?tab=orders')
  })

  it('sends a visitor to login and, after it, back to the page asked for', async () => {
    const page = await createPage('/account?tab=orders')
    expect(pathOf(page)).toBe('/login → /account?tab=orders')
    await submitLogin(page, alice)
    await page.waitForURL(url('/account?tab=orders'))
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(alice.email)

    // A logged-in visitor of a guest-only page goes home, and client-side navigation is guarded too.
    await page.goto(url('/login'))
    expect(pathOf(page)).toBe('/')
    await page.click('text=Account')
    await page.waitForURL(url('/account'))
    await page.close()
  })

  it('never follows a redirect target off the site', async () => {
    for (const target of ['//evil.example', '/\\evil.example', 'https://evil.example', '/%2F%2Fevil.example', 'javascript:alert(1)']) {
      const page = await createPage(`/login?redirect=${encodeURIComponent(target)}`)
      await submitLogin(page, alice)
      await page.waitForURL(url('/'))
      expect(new URL(page.url()).origin, target).toBe(new URL(url('/')).origin)
      await page.close()
    }
  })

  it('guards the admin page for actor user, with its own login page', async () => {
    const page = await createPage('/admin')
    expect(pathOf(page)).toBe('/admin/login → /admin')
    await submitLogin(page, admin)
    await page.waitForURL(url('/admin'))
    await expect(page.locator('[data-test=admin-email]').textContent()).resolves.toContain(admin.email)

    // A user is not a customer: the customer page sends it to the customer login.
    await page.goto(url('/account'))
    expect(pathOf(page)).toBe('/login → /account')
    await page.close()
  })
})

describe('third-party login', () => {
  it('renders a button per redirect provider, from GET /auth/customer/providers', async () => {
    const page = await createPage('/login')
    const providers = await page.locator('[data-provider]').evaluateAll(buttons => buttons.map(button => button.getAttribute('data-provider')))
    expect(providers.sort()).toEqual(['google', 'oidc'])
    await page.close()
  })

  it('sends the browser to Google with the target remembered, and stores no token', async () => {
    const page = await createPage('/login?redirect=%2Faccount')
    let googleUrl = ''
    await page.route('https://accounts.google.com/**', (route) => {
      googleUrl = route.request().url()
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<p>Google</p>' })
    })
    await page.click('[data-provider=google]')
    await page.waitForURL(/accounts\.google\.com/)

    const location = new URL(googleUrl)
    expect(location.searchParams.get('redirect_uri')).toBe(url('/auth/callback/google'))
    const cookies = await page.context().cookies(url('/'))
    expect(cookies.map(cookie => cookie.name)).toEqual(['medusa_auth_redirect'])
    expect(JSON.parse(decodeURIComponent(cookies[0]!.value))).toEqual({ actor: 'customer', provider: 'google', redirect: '/account' })
    await page.close()
  })

  async function oidcRoundTrip(login: string, redirect: string) {
    const page = await createPage(`/login?redirect=${encodeURIComponent(redirect)}`)
    await clickThroughOidcLogin(page, backend.oidcIssuer, login)
    await page.waitForURL(url(redirect))
    return page
  }

  it('completes the round trip through a real OpenID provider and creates the customer once', async () => {
    const login = `oidc-${randomUUID().slice(0, 8)}`
    const email = oidcEmailFor(login)

    const first = await oidcRoundTrip(login, '/account')
    await expect(first.locator('[data-test=email]').textContent()).resolves.toContain(email)
    await first.close()

    const second = await oidcRoundTrip(login, '/account?again=1')
    await expect(second.locator('[data-test=email]').textContent()).resolves.toContain(email)
    await second.close()

    const customers = await queryBackend<{ count: string }>(backend.databaseUrl, 'select count(*) from customer where email = $1 and deleted_at is null', [email])
    expect(customers[0]?.count).toBe('1')
  })
})

describe('registration', () => {
  it('registers, creates the customer with the profile and lands logged in', async () => {
    const email = `register-${randomUUID()}@medusa-auth.test`
    const page = await createPage('/register')
    await page.fill('input[type=email]', email)
    await page.fill('input[type=password]', 'a-password-1')
    await page.fill('input[name=first_name]', 'Rita')
    await page.fill('input[name=last_name]', 'Register')
    await page.click('button[type=submit]')
    await page.waitForURL(url('/'))
    await page.goto(url('/account'))
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(email)
    await expect(page.locator('dd').nth(1).textContent()).resolves.toContain('Rita Register')
    await page.close()
  })

  it('shows Medusa\'s message for an email already registered and keeps what was typed', async () => {
    const page = await createPage('/register')
    await page.fill('input[type=email]', alice.email)
    await page.fill('input[type=password]', 'another-password-1')
    await page.fill('input[name=first_name]', 'Not Alice')
    await page.click('button[type=submit]')
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Identity with email already exists')
    await expect(page.inputValue('input[type=email]')).resolves.toBe(alice.email)
    await expect(page.inputValue('input[name=first_name]')).resolves.toBe('Not Alice')
    await page.close()
  })
})

describe('password reset', () => {
  it('requests a reset, follows the link with the token Medusa emitted, and logs in with the new password', async () => {
    const customer = await newCustomer('reset')
    const page = await createPage('/reset-password')
    await page.fill('input[type=email]', customer.email)
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-test=reset-sent]')

    const { token } = await waitForAuthEvent(backend, 'auth.password_reset', customer.email)
    await page.goto(url(`/reset-password/update?token=${token}`))
    // The page keeps the token and takes it out of the address bar.
    await page.waitForURL(url('/reset-password/update'))
    await page.fill('input[type=password]', 'second-password-2')
    await page.click('button[type=submit]')
    await page.waitForSelector('[data-test=reset-done]')

    await expect(loginDirectly(backend, 'customer', customer)).rejects.toThrow('401')
    await expect(loginDirectly(backend, 'customer', { ...customer, password: 'second-password-2' })).resolves.toMatch(/^eyJ/)

    // The token was single use.
    await page.goto(url(`/reset-password/update?token=${token}`))
    await page.fill('input[type=password]', 'third-password-3')
    await page.click('button[type=submit]')
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Invalid token')
    await page.close()
  })
})

describe('MFA', () => {
  it('sends a customer with TOTP to the MFA page, pending, and completes the login with a code', async () => {
    const customer = await newCustomer('mfa')
    const secret = await enableTotpFactor(backend.url, await loginDirectly(backend, 'customer', customer))

    const page = await createPage('/account')
    await submitLogin(page, customer)
    await page.waitForURL(current => current.pathname === '/login/mfa')
    expect(pathOf(page)).toBe('/login/mfa → /account')
    // Pending is not authenticated: the header offers no logout, and the account page stays guarded.
    await expect(page.locator('[data-test=logout]').count()).resolves.toBe(0)
    await completeMfaPage(page, secret)
    await page.waitForURL(url('/account'))
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(customer.email)
    await page.close()
  })
})
