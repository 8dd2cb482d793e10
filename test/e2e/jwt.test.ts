// The built playground (production server) in jwt mode with cookie storage,
// against the real Medusa server; page flows in headless Chromium.
import { $fetch, createPage, url } from '@nuxt/test-utils/e2e'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { decodeToken } from '../../src/runtime/core/token'
import { alice, bob } from '../support/accounts'
import { loginDirectly, useTestBackend } from '../support/backend'
import { setupPlayground, submitLogin } from '../support/playground'
import { askSdkAgain, cartOwner, expectSdkAnswer, startGuestCart } from '../support/sdk-page'

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

  it('has no httpOnly server routes unless that storage is chosen, and no DevTools page', async () => {
    const response = await fetch(url('/api/_medusa-auth/login'), { method: 'POST', body: '{}' })
    expect(response.status).toBe(404)
    // Nor, in a built app, the DevTools tab's page.
    expect((await fetch(url('/__medusa-auth/devtools'))).status).toBe(404)
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

describe('the JS SDK beside the module', () => {
  const tokenCookie = async (page: Page) => (await page.context().cookies()).find(cookie => cookie.name === 'medusa_auth_token')

  it('serves sdk.store.customer.retrieve() with a module login, in SSR and in the browser; an SDK logout is the module\'s too', async () => {
    const page = await createPage('/login?redirect=/sdk')
    await submitLogin(page, alice)
    await page.waitForURL(url('/sdk'))
    await expectSdkAnswer(page, alice.email)
    await askSdkAgain(page, alice.email)

    const token = (await tokenCookie(page))!.value
    const html = await $fetch<string>('/sdk', { headers: { cookie: `medusa_auth_token=${token}` } })
    expect(html).toContain(`data-test="sdk-answer">${alice.email}<`)

    await page.click('[data-test=sdk-logout]')
    await expectSdkAnswer(page, 'refused: 401')
    await expect(page.locator('[data-test=logout]').count()).resolves.toBe(0)
    expect(await tokenCookie(page)).toBeUndefined()
    await page.close()
  })

  it('makes an SDK login the module\'s, and a module logout the SDK\'s', async () => {
    const page = await createPage('/sdk')
    await expectSdkAnswer(page, 'refused: 401')
    await page.fill('[data-test=sdk-login] input[type=email]', bob.email)
    await page.fill('[data-test=sdk-login] input[type=password]', bob.password)
    await page.click('[data-test=sdk-login] button[type=submit]')
    await expectSdkAnswer(page, bob.email)
    await page.locator('[data-test=actor]').waitFor()
    expect(decodeToken((await tokenCookie(page))?.value)?.actor_type).toBe('customer')

    // The module's own requests and guarded pages take the SDK's login, on the server as well.
    await page.goto(url('/account'))
    await expect(page.locator('[data-test=email]').textContent()).resolves.toContain(bob.email)

    await page.click('[data-test=logout]')
    await page.waitForURL(url('/login'))
    await page.goto(url('/sdk'))
    await expectSdkAnswer(page, 'refused: 401')
    await page.close()
  })
})

describe('guest cart hand-over', () => {
  const cookieNames = async (page: Page) => (await page.context().cookies()).map(cookie => cookie.name).sort()

  it('hands the guest cart to the customer who logs in, with one request more, and forgets it at logout', async () => {
    const page = await createPage('/cart')
    const cartId = await startGuestCart(page)
    expect(await cartOwner(backend, cartId)).toBeNull()

    await page.goto(url('/login?redirect=/cart'))
    const sent: string[] = []
    page.on('request', (request) => {
      if (request.url().startsWith(backend.url)) sent.push(`${request.method()} ${new URL(request.url()).pathname}`)
    })
    await submitLogin(page, alice)
    await page.waitForURL(url('/cart'))
    const aliceId = decodeToken((await page.context().cookies()).find(cookie => cookie.name === 'medusa_auth_token')?.value)!.actor_id
    await expect(page.locator('[data-test=cart-customer]').textContent()).resolves.toContain(aliceId)
    expect(await cartOwner(backend, cartId)).toBe(aliceId)
    expect(sent.slice(0, 2)).toEqual(['POST /auth/customer/emailpass', `POST /store/carts/${cartId}/customer`])

    await page.click('[data-test=logout]')
    await page.waitForURL(url('/login'))
    expect(await cookieNames(page)).toEqual([])
    await page.goto(url('/cart'))
    await page.locator('[data-test=no-cart]').waitFor()
    // The cart stays the customer's at Medusa; only this browser forgot it.
    expect(await cartOwner(backend, cartId)).toBe(aliceId)
    await page.close()
  })

  it('never hands one customer\'s cart to the next who logs in here, when the first left without logging out', async () => {
    const page = await createPage('/cart')
    const cartId = await startGuestCart(page)
    await page.goto(url('/login?redirect=/cart'))
    await submitLogin(page, alice)
    await page.waitForURL(url('/cart'))
    const aliceId = await cartOwner(backend, cartId)
    expect(aliceId).toMatch(/^cus_/)

    // Alice's token is gone (it expired, or the tab was closed long ago); the cart cookie stays.
    await page.context().clearCookies({ name: 'medusa_auth_token' })
    await page.goto(url('/login?redirect=/cart'))
    await submitLogin(page, bob)
    await page.waitForURL(url('/cart'))
    await page.locator('[data-test=no-cart]').waitFor()
    expect(await cartOwner(backend, cartId)).toBe(aliceId)
    expect(await cookieNames(page)).toEqual(['medusa_auth_token'])
    await page.close()
  })

  it('forgets a cart reference that leads nowhere, sends none that is not an id, and the login stands', async () => {
    for (const [cartId, requests] of [['cart_01NOSUCHCART', 2], ['../customers/me', 1]] as const) {
      const page = await createPage('/login?redirect=/cart')
      await page.context().addCookies([{ name: 'medusa_cart_id', value: encodeURIComponent(cartId), url: url('/') }])
      const sent: string[] = []
      page.on('request', (request) => {
        if (request.url().startsWith(backend.url)) sent.push(`${request.method()} ${new URL(request.url()).pathname}`)
      })
      await submitLogin(page, alice)
      await page.waitForURL(url('/cart'))
      await page.locator('[data-test=no-cart]').waitFor()
      expect(await cookieNames(page)).toEqual(['medusa_auth_token'])
      expect(sent.slice(0, requests)).toEqual(['POST /auth/customer/emailpass', `POST /store/carts/${cartId}/customer`].slice(0, requests))
      expect(sent.filter(request => request.includes('/store/carts/'))).toHaveLength(requests - 1)
      await page.close()
    }
  })
})
