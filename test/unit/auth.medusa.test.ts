// The Nuxt-free core against the real Medusa server of the global setup.
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createMedusaAuth } from '../../src/runtime/core/auth'
import type { MedusaAuthState } from '../../src/runtime/core/auth'
import { MedusaAuthError } from '../../src/runtime/core/errors'
import { createMemoryStorage } from '../../src/runtime/core/storage'
import { decodeToken } from '../../src/runtime/core/token'
import { admin, alice } from '../support/accounts'
import { useTestBackend } from '../support/backend'

const backend = useTestBackend()

function jwtAuth(baseUrl = backend.url) {
  const state: MedusaAuthState = { token: null, claims: null, status: 'unauthenticated', pendingStep: null, expiresAt: null }
  const storage = createMemoryStorage()
  const auth = createMedusaAuth({ baseUrl, publishableKey: backend.publishableKey, type: 'jwt', storage, state })
  return { auth, state, storage }
}

async function rejection(promise: Promise<unknown>): Promise<MedusaAuthError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason)
  expect(error).toBeInstanceOf(MedusaAuthError)
  return error as MedusaAuthError
}

describe('login', () => {
  it('gives a customer token with the right claims and stores it', async () => {
    const { auth, state, storage } = jwtAuth()
    const token = await auth.login('customer', 'emailpass', { email: alice.email, password: alice.password })

    expect(typeof token).toBe('string')
    const claims = decodeToken(token)
    expect(claims).toMatchObject({ actor_type: 'customer', auth_provider: 'emailpass' })
    expect(claims?.actor_id).toMatch(/^cus_/)
    expect(claims?.auth_identity_id).toMatch(/^authid_/)
    expect(claims!.exp - claims!.iat!).toBe(86_400)
    expect(storage.get()).toBe(token)
    expect(state).toMatchObject({ token, status: 'authenticated', claims: { actor_id: claims?.actor_id } })
  })

  it('gives an admin user token, and fetch reaches /admin/users/me with it', async () => {
    const { auth } = jwtAuth()
    const token = await auth.login('user', 'emailpass', admin)
    expect(decodeToken(token)).toMatchObject({ actor_type: 'user', actor_id: expect.stringMatching(/^user_/) })

    const { user } = await auth.fetch<{ user: { email: string } }>('/admin/users/me')
    expect(user.email).toBe(admin.email)
  })

  it('sends the Bearer token and the publishable key with fetch', async () => {
    const { auth } = jwtAuth()
    await auth.login('customer', 'emailpass', { email: alice.email, password: alice.password })
    const { customer } = await auth.fetch<{ customer: { email: string, first_name: string } }>('/store/customers/me')
    expect(customer).toMatchObject({ email: alice.email, first_name: alice.first_name })
  })

  it('rejects a wrong password with Medusa\'s 401 and changes nothing', async () => {
    const { auth, state, storage } = jwtAuth()
    const error = await rejection(auth.login('customer', 'emailpass', { email: alice.email, password: 'wrong' }))
    expect(error).toMatchObject({ status: 401, type: 'unauthorized', message: 'Invalid email or password' })
    expect(storage.get()).toBeNull()
    expect(state).toEqual({ token: null, claims: null, status: 'unauthenticated', pendingStep: null, expiresAt: null })
  })

  it('returns Google\'s location unchanged and stores nothing', async () => {
    const { auth, state, storage } = jwtAuth()
    const result = await auth.login('customer', 'google')
    expect(result).toEqual({ location: expect.stringMatching(/^https:\/\/accounts\.google\.com\/o\/oauth2\/v2\/auth\?/) })
    expect(new URL((result as { location: string }).location).searchParams.get('state')).toMatch(/^[0-9a-f]{64}$/)
    expect(storage.get()).toBeNull()
    expect(state.status).toBe('unauthenticated')
  })

  it('passes an unknown provider\'s error through', async () => {
    const { auth } = jwtAuth()
    const error = await rejection(auth.login('customer', 'nonexistent'))
    expect(error.status).toBe(401)
    expect(error.message).toContain('Unable to retrieve the auth provider with id: nonexistent')
  })

  it('refuses actor and provider names that are not plain names, without a request', async () => {
    const { auth } = jwtAuth('http://127.0.0.1:1')
    for (const [actor, provider] of [['../admin', 'emailpass'], ['customer', 'emailpass/../../x'], ['', 'x'], ['customer', 'a b']]) {
      const error = await rejection(auth.login(actor!, provider!))
      expect(error).toMatchObject({ status: 0, type: 'invalid_data' })
    }
  })

  it('says so when the server cannot be reached', async () => {
    const { auth } = jwtAuth('http://127.0.0.1:1')
    const error = await rejection(auth.login('customer', 'emailpass', { email: alice.email, password: alice.password }))
    expect(error).toMatchObject({ status: 0, type: 'network_error' })
    expect(error.message).toBe('Could not reach the Medusa server at http://127.0.0.1:1.')
  })
})

describe('logout', () => {
  it('forgets the token in jwt mode; fetch is then anonymous', async () => {
    const { auth, state, storage } = jwtAuth()
    await auth.login('customer', 'emailpass', { email: alice.email, password: alice.password })
    await auth.logout()

    expect(storage.get()).toBeNull()
    expect(state).toEqual({ token: null, claims: null, status: 'unauthenticated', pendingStep: null, expiresAt: null })
    const error = await rejection(auth.fetch('/store/customers/me'))
    expect(error.status).toBe(401)
  })
})

describe('register', () => {
  it('registers, creates the customer through fetch, and refreshes into an authenticated token', async () => {
    const { auth, state, storage } = jwtAuth()
    const email = `new-${randomUUID()}@medusa-auth.test`

    const registration = await auth.register('customer', 'emailpass', { email, password: 'a-new-password' })
    expect(decodeToken(registration)).toMatchObject({ actor_id: '', actor_type: 'customer' })
    expect(state.status).toBe('unauthenticated')

    const { customer } = await auth.fetch<{ customer: { id: string, email: string } }>('/store/customers', {
      method: 'POST',
      body: { email, first_name: 'New' },
    })
    expect(customer.email).toBe(email)

    const refreshed = await auth.refresh()
    expect(decodeToken(refreshed)?.actor_id).toBe(customer.id)
    expect(storage.get()).toBe(refreshed)
    expect(state.status).toBe('authenticated')
  })

  it('gives Medusa\'s message for an email already registered', async () => {
    const { auth, state } = jwtAuth()
    const error = await rejection(auth.register('customer', 'emailpass', { email: alice.email, password: 'whatever-1' }))
    expect(error).toMatchObject({ status: 401, message: 'Identity with email already exists' })
    expect(state.status).toBe('unauthenticated')
  })
})

describe('callback', () => {
  it('sends the provider\'s query as a GET query and passes Medusa\'s refusal through', async () => {
    const { auth, state } = jwtAuth()
    const error = await rejection(auth.callback('customer', 'google', { state: 'f'.repeat(64) }))
    expect(error).toMatchObject({ status: 401, message: 'No code provided' })
    const stale = await rejection(auth.callback('customer', 'google', { code: 'x', state: 'f'.repeat(64) }))
    expect(stale.status).toBe(401)
    expect(state.status).toBe('unauthenticated')
  })
})

describe('refresh', () => {
  it('forgets the visitor when Medusa refuses the token', async () => {
    const { auth, state, storage } = jwtAuth()
    storage.set('x.y.z', { exp: Date.now() / 1000 + 60 } as never)
    state.token = 'x.y.z'
    const error = await rejection(auth.refresh())
    expect(error.status).toBe(401)
    expect(storage.get()).toBeNull()
    expect(state.token).toBeNull()
  })
})

describe('hydrate', () => {
  it('reads a stored token, and drops one that is malformed', async () => {
    const first = jwtAuth()
    const token = await first.auth.login('customer', 'emailpass', { email: alice.email, password: alice.password })

    const second = jwtAuth()
    second.storage.set(token as string, decodeToken(token)!)
    second.auth.hydrate()
    expect(second.state).toMatchObject({ token, status: 'authenticated' })

    second.storage.set('not-a-token', decodeToken(token)!)
    second.auth.hydrate()
    expect(second.state).toEqual({ token: null, claims: null, status: 'unauthenticated', pendingStep: null, expiresAt: null })
    expect(second.storage.get()).toBeNull()
  })
})

describe('password reset and providers', () => {
  it('requests a reset: Medusa answers 201 whether or not the identifier exists', async () => {
    const { auth } = jwtAuth()
    await expect(auth.resetPassword('customer', 'emailpass', { identifier: alice.email })).resolves.toBeUndefined()
    await expect(auth.resetPassword('customer', 'emailpass', { identifier: 'nobody@medusa-auth.test' })).resolves.toBeUndefined()
  })

  it('refuses an update with a token that is not a reset token', async () => {
    const { auth } = jwtAuth()
    const loginToken = await auth.login('customer', 'emailpass', { email: alice.email, password: alice.password })
    const error = await rejection(auth.updateProvider('customer', 'emailpass', { password: 'x-new-password' }, loginToken as string))
    expect(error).toMatchObject({ status: 401, message: 'Invalid token' })
  })

  it('lists the providers of an actor', async () => {
    const { auth } = jwtAuth()
    const providers = await auth.listProviders('customer')
    expect(providers.map(provider => provider.id).sort()).toEqual(['emailpass', 'google', 'oidc'])
  })
})
