// Another client's token (the JS SDK's) through currentToken and setToken,
// against the real Medusa server.
import { describe, expect, it } from 'vitest'
import { createMedusaAuth } from '../../src/runtime/core/auth'
import type { MedusaAuthChange, MedusaAuthState } from '../../src/runtime/core/auth'
import { createMemoryStorage } from '../../src/runtime/core/storage'
import { decodeToken } from '../../src/runtime/core/token'
import { alice, bob } from '../support/accounts'
import { loginDirectly, useTestBackend } from '../support/backend'

const backend = useTestBackend()

function createAuth(options: { expiryMargin?: number } = {}) {
  const changes: MedusaAuthChange[] = []
  const state: MedusaAuthState = { token: null, claims: null, status: 'unauthenticated', pendingStep: null, expiresAt: null }
  const storage = createMemoryStorage()
  const auth = createMedusaAuth({
    baseUrl: backend.url,
    publishableKey: backend.publishableKey,
    type: 'jwt',
    storage,
    state,
    ...options,
    onChange: (change) => {
      changes.push(change)
    },
  })
  return { auth, state, storage, changes }
}

describe('a token another client got', () => {
  it('becomes the visitor\'s login, is what currentToken gives, and null logs out', async () => {
    const { auth, state, storage, changes } = createAuth()
    const token = await loginDirectly(backend, 'customer', alice)
    await auth.setToken(token)
    expect(state.status).toBe('authenticated')
    expect(storage.get()).toBe(token)
    await expect(auth.currentToken()).resolves.toBe(token)
    await expect(auth.fetch<{ customer: { email: string } }>('/store/customers/me')).resolves.toMatchObject({ customer: { email: alice.email } })

    // The same identity's newer token is a refresh; another customer's is a login.
    await new Promise(resolve => setTimeout(resolve, 1100))
    await auth.setToken(await loginDirectly(backend, 'customer', alice))
    await auth.setToken(await loginDirectly(backend, 'customer', bob))
    expect(decodeToken(state.token)?.actor_id).not.toBe(decodeToken(token)?.actor_id)

    await auth.setToken(null)
    expect(state).toMatchObject({ status: 'unauthenticated', token: null })
    await expect(auth.currentToken()).resolves.toBeNull()
    expect(changes).toEqual(['login', 'refresh', 'login', 'logout'])
  })

  it('refuses what is not a valid token, with a typed error, and keeps the visitor logged in', async () => {
    const { auth, state } = createAuth()
    const token = await loginDirectly(backend, 'customer', alice)
    await auth.setToken(token)
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
    const expired = `${part({ alg: 'HS256' })}.${part({ actor_id: 'cus_1', actor_type: 'customer', exp: Math.floor(Date.now() / 1000) - 10 })}.c2ln`
    for (const bad of ['not-a-token', '', expired]) {
      await expect(auth.setToken(bad)).rejects.toMatchObject({ type: 'invalid_data' })
    }
    expect(state).toMatchObject({ status: 'authenticated', token })
  })

  it('gives a refreshed token to the other client once the old one stops counting', async () => {
    // With this margin a fresh one-day token stops counting at once.
    const { auth, state } = createAuth({ expiryMargin: 86_400 })
    const token = await loginDirectly(backend, 'customer', alice)
    await auth.setToken(token)
    await new Promise(resolve => setTimeout(resolve, 1100))
    const current = await auth.currentToken()
    expect(current).not.toBe(token)
    expect(decodeToken(current)?.actor_id).toBe(decodeToken(token)?.actor_id)
    expect(state.token).toBe(current)
  })
})
