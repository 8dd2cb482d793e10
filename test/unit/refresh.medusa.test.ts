// Refresh on 401, single-flight, and the failures that must never log a
// visitor out: the real Medusa server behind a fault-injecting proxy.
import { describe, expect, it } from 'vitest'
import { createMedusaAuth } from '../../src/runtime/core/auth'
import type { MedusaAuthState } from '../../src/runtime/core/auth'
import { createAutoRefresh } from '../../src/runtime/core/auto-refresh'
import { createMemoryStorage } from '../../src/runtime/core/storage'
import { alice } from '../support/accounts'
import { useTestBackend } from '../support/backend'
import { createTestAuth, useFaultProxy } from '../support/core'

const backend = useTestBackend()
const proxy = useFaultProxy()

async function loggedIn() {
  const { auth, state, storage } = createTestAuth(proxy.url)
  await auth.login('customer', 'emailpass', { email: alice.email, password: alice.password })
  proxy.reset()
  return { auth, state, storage }
}

const unauthorized = { status: 401, body: JSON.stringify({ message: 'Unauthorized' }) }

describe('a 401 from fetch', () => {
  it('refreshes once for 20 concurrent requests, and every request is retried once and succeeds', async () => {
    const { auth, state } = await loggedIn()
    // Every one of the 20 first requests is answered 401, once all 20 have arrived.
    let arrived = 0
    let allArrived: () => void = () => undefined
    const barrier = new Promise<void>((resolve) => {
      allArrived = resolve
    })
    proxy.setRule(async ({ path }) => {
      if (path !== '/store/customers/me' || arrived >= 20) return undefined
      if (++arrived === 20) allArrived()
      await barrier
      return unauthorized
    })

    const answers = await Promise.all(Array.from({ length: 20 }, () =>
      auth.fetch<{ customer: { email: string } }>('/store/customers/me')))

    expect(answers.every(answer => answer.customer.email === alice.email)).toBe(true)
    expect(proxy.count('POST /auth/token/refresh')).toBe(1)
    expect(proxy.count('GET /store/customers/me')).toBe(40)
    expect(state.status).toBe('authenticated')
  })

  it('logs the visitor out when Medusa refuses the refresh, and the 401 stands', async () => {
    const { auth, state, storage } = await loggedIn()
    proxy.setRule(({ path }) => (path === '/store/customers/me' || path === '/auth/token/refresh' ? unauthorized : undefined))

    await expect(auth.fetch('/store/customers/me')).rejects.toMatchObject({ status: 401 })
    expect(proxy.count('POST /auth/token/refresh')).toBe(1)
    expect(proxy.count('GET /store/customers/me')).toBe(1)
    expect(state.status).toBe('unauthenticated')
    expect(storage.get()).toBeNull()
  })

  it.each([
    ['a 503 from the refresh', { status: 503, body: '<html>busy</html>', headers: { 'content-type': 'text/html' } }],
    ['a 500 from the refresh', { status: 500, body: JSON.stringify({ type: 'unknown_error', message: 'boom' }) }],
    ['a connection reset during the refresh', 'reset' as const],
  ])('keeps the visitor logged in after %s', async (_, fault) => {
    const { auth, state, storage } = await loggedIn()
    const token = state.token
    proxy.setRule(({ path }) => (path === '/auth/token/refresh' ? fault : path === '/store/customers/me' ? unauthorized : undefined))

    await expect(auth.fetch('/store/customers/me')).rejects.toMatchObject({ status: 401 })
    expect(state.status).toBe('authenticated')
    expect(storage.get()).toBe(token)
  })

  it('never logs out on a 5xx or a network failure of the request itself', async () => {
    const { auth, state } = await loggedIn()
    proxy.setRule(({ path }) => (path === '/store/customers/me' ? { status: 502, body: '' } : undefined))
    await expect(auth.fetch('/store/customers/me')).rejects.toMatchObject({ status: 502 })
    proxy.setRule(({ path }) => (path === '/store/customers/me' ? 'reset' : undefined))
    await expect(auth.fetch('/store/customers/me')).rejects.toMatchObject({ status: 0, type: 'network_error' })
    expect(state.status).toBe('authenticated')
    expect(proxy.count('POST /auth/token/refresh')).toBe(0)
  })

  it('does not refresh for a visitor who is not logged in', async () => {
    const state: MedusaAuthState = { token: null, claims: null, status: 'unauthenticated', pendingStep: null, expiresAt: null }
    const auth = createMedusaAuth({ baseUrl: proxy.url, publishableKey: backend.publishableKey, type: 'jwt', storage: createMemoryStorage(), state })
    await expect(auth.fetch('/store/customers/me')).rejects.toMatchObject({ status: 401 })
    expect(proxy.count('POST /auth/token/refresh')).toBe(0)
  })
})

describe('the expiry margin', () => {
  function tokenExpiringIn(seconds: number) {
    const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const claims = { actor_id: 'cus_1', actor_type: 'customer', auth_identity_id: 'a', auth_provider: 'emailpass', exp: Math.floor(Date.now() / 1000) + seconds }
    return `${encode({ alg: 'HS256' })}.${encode(claims)}.c2ln`
  }

  it.each([
    [30, 60, 'unauthenticated'],
    [120, 60, 'authenticated'],
    [30, 0, 'authenticated'],
  ])('a stored token %i s from exp, with a margin of %i s, is %s', (secondsLeft, expiryMargin, status) => {
    const state: MedusaAuthState = { token: null, claims: null, status: 'unauthenticated', pendingStep: null, expiresAt: null }
    const storage = createMemoryStorage()
    storage.set(tokenExpiringIn(secondsLeft), { exp: 0 } as never)
    createMedusaAuth({ baseUrl: 'http://127.0.0.1:1', type: 'jwt', storage, state, expiryMargin }).hydrate()
    expect(state.status).toBe(status)
  })
})

describe('changes and the automatic refresh', () => {
  it('tells of every login, refresh and logout, and never of hydrate', async () => {
    const changes: string[] = []
    const state: MedusaAuthState = { token: null, claims: null, status: 'unauthenticated', pendingStep: null, expiresAt: null }
    const storage = createMemoryStorage()
    const auth = createMedusaAuth({ baseUrl: backend.url, type: 'jwt', storage, state, onChange: (change) => {
      changes.push(change)
    } })
    await auth.login('customer', 'emailpass', { email: alice.email, password: alice.password })
    auth.hydrate()
    await auth.refresh()
    await auth.logout()
    auth.forgetLocally()
    expect(changes).toEqual(['login', 'refresh', 'logout'])
  })

  it('refreshes shortly before the token stops counting, and never faster than its minimum delay', async () => {
    const state: MedusaAuthState = { token: null, claims: null, status: 'unauthenticated', pendingStep: null, expiresAt: null }
    const timer = createAutoRefresh(state, () => auth.refresh(), { leadMs: 1_000, minDelayMs: 400 })
    // With this margin a fresh one-day token stops counting two seconds after it was issued.
    const auth = createMedusaAuth({
      baseUrl: proxy.url,
      type: 'jwt',
      storage: createMemoryStorage(),
      state,
      expiryMargin: 86_400 - 2,
      onChange: () => timer.schedule(),
    })

    await auth.login('customer', 'emailpass', { email: alice.email, password: alice.password })
    for (let waited = 0; waited < 50 && proxy.count('POST /auth/token/refresh') === 0; waited++) {
      await new Promise(resolve => setTimeout(resolve, 100))
    }
    expect(proxy.count('POST /auth/token/refresh')).toBeGreaterThanOrEqual(1)

    await new Promise(resolve => setTimeout(resolve, 1_200))
    timer.stop()
    // At most one refresh per 400 ms: three in 1.2 s, and the first.
    expect(proxy.count('POST /auth/token/refresh')).toBeLessThanOrEqual(4)
    expect(state.status).toBe('authenticated')
  })
})
