// The built playground (production server) in jwt mode with cookie storage,
// against the real Medusa server; page flows in headless Chromium.
import { $fetch, createPage, url } from '@nuxt/test-utils/e2e'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { decodeToken } from '../../src/runtime/core/token'
import { alice, bob } from '../support/accounts'
import { loginDirectly, useTestBackend } from '../support/backend'
import { setupPlayground } from '../support/playground'

const backend = useTestBackend()

await setupPlayground(backend)

const accountPage = (token?: string) =>
  $fetch<string>('/account', { headers: token ? { cookie: `medusa_auth_token=${token}` } : {} })

describe('server-side rendering with the token cookie', () => {
  it('renders the logged-in customer\'s email on the server', async () => {
    const html = await accountPage(await loginDirectly(backend, 'customer', alice))
    expect(html).toContain(`data-test="email">${alice.email}<`)
  })

  it('keeps two visitors apart: each request sees only its own customer', async () => {
    const [aliceToken, bobToken] = await Promise.all([
      loginDirectly(backend, 'customer', alice),
      loginDirectly(backend, 'customer', bob),
    ])
    const pages = await Promise.all([
      accountPage(aliceToken),
      accountPage(bobToken),
      accountPage(),
      accountPage(aliceToken),
      accountPage(bobToken),
    ])
    const shows = (html: string) => [alice.email, bob.email].filter(email => html.includes(email))
    expect(pages.map(shows)).toEqual([[alice.email], [bob.email], [], [alice.email], [bob.email]])
    // The anonymous visitor was sent to the login page.
    expect(pages[2]).toContain('<h1>Log in</h1>')
  })

  it('has no httpOnly server routes unless that storage is chosen', async () => {
    const response = await fetch(url('/api/_medusa-auth/login'), { method: 'POST', body: '{}' })
    expect(response.status).toBe(404)
  })

  it('treats a malformed token cookie as logged out', async () => {
    const html = await accountPage('not.a-token')
    expect(html).toContain('<h1>Log in</h1>')
  })
})

describe('requests to Medusa, counted in the browser', () => {
  const toMedusa = (page: Page) => {
    const seen: string[] = []
    page.on('request', (request) => {
      if (request.url().startsWith(backend.url)) seen.push(`${request.method()} ${new URL(request.url()).pathname}`)
    })
    return seen
  }

  it('a login makes one, a navigation between guarded pages none, a hydrated logged-in page none', async () => {
    const page = await createPage('/login?redirect=/profile')
    await page.fill('input[type=email]', alice.email)
    await page.fill('input[type=password]', alice.password)
    const login = toMedusa(page)
    await page.click('button[type=submit]')
    await page.waitForURL(url('/profile'))
    await page.waitForLoadState('networkidle')
    expect(login).toEqual(['POST /auth/customer/emailpass'])

    // From a guarded page to another that needs no data: the guard asks nothing.
    await page.goto(url('/account'), { waitUntil: 'networkidle' })
    const navigation = toMedusa(page)
    await page.click('text=Profile')
    await page.waitForURL(url('/profile'))
    await page.waitForLoadState('networkidle')
    expect(navigation.splice(0)).toEqual([])

    // A page the server rendered logged in: hydration repeats none of its requests.
    await page.goto(url('/account'), { waitUntil: 'networkidle' })
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(alice.email)
    expect(navigation).toEqual([])
    await page.close()
  })
})

describe('in the browser', () => {
  it('logs in through the form, survives a reload, and logs out', async () => {
    const page = await createPage('/account')
    await page.waitForURL(current => current.pathname === '/login')
    await page.fill('input[type=email]', alice.email)
    await page.fill('input[type=password]', alice.password)
    await page.click('button[type=submit]')
    await page.waitForURL(url('/account'))
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(alice.email)

    const [cookie] = await page.context().cookies()
    expect(cookie).toMatchObject({ name: 'medusa_auth_token', path: '/', sameSite: 'Lax', secure: false })
    const claims = decodeToken(cookie!.value)
    expect(claims?.actor_type).toBe('customer')
    expect(Math.abs(cookie!.expires - claims!.exp)).toBeLessThanOrEqual(1)

    await page.reload()
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(alice.email)

    await page.click('[data-test=logout]')
    await page.waitForURL(url('/login'))
    expect(await page.context().cookies()).toEqual([])
    await page.goto(url('/account'))
    expect(new URL(page.url()).pathname).toBe('/login')
    await page.close()
  })

  it('shows Medusa\'s message for a wrong password and keeps what was typed', async () => {
    const page = await createPage('/login')
    await page.fill('input[type=email]', alice.email)
    await page.fill('input[type=password]', 'not-her-password')
    await page.click('button[type=submit]')
    await expect(page.getByRole('alert').textContent()).resolves.toContain('Invalid email or password')
    await expect(page.inputValue('input[type=email]')).resolves.toBe(alice.email)
    expect(page.url()).toBe(url('/login'))
    await page.close()
  })
})
