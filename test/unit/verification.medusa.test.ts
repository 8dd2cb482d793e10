// The verification step, against a Medusa server of its own that requires
// customers to verify their email before a login counts.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackendDatabase, createCustomer, freePort, startBackend } from '../medusa/harness.mjs'
import { createMedusaAuth } from '../../src/runtime/core/auth'
import type { MedusaAuthState } from '../../src/runtime/core/auth'
import { MedusaAuthError } from '../../src/runtime/core/errors'
import { createMemoryStorage } from '../../src/runtime/core/storage'
import { useTestBackend, waitForAuthEvent } from '../support/backend'

const DATABASE = `${process.env.MEDUSA_AUTH_TEST_DATABASE || 'medusa_auth_test'}_verification`
const customer = { email: 'verify@medusa-auth.test', password: 'verify-password-1', first_name: 'Vera' }
let backend: Awaited<ReturnType<typeof startBackend>>
const eventsFile = join(useTestBackend().eventsFile, '../verification-events.jsonl')

beforeAll(async () => {
  await createBackendDatabase(DATABASE)
  backend = await startBackend(DATABASE, {
    port: await freePort(),
    host: '127.0.0.1',
    env: { VERIFY_CUSTOMER_EMAILS: 'true', MEDUSA_AUTH_EVENTS_FILE: eventsFile },
  })
  await createCustomer(backend, customer)
}, 180_000)

afterAll(() => backend?.stop())

describe('verification_required', () => {
  it('holds the login pending until the emailed code is confirmed', async () => {
    const state: MedusaAuthState = { token: null, claims: null, status: 'unauthenticated', pendingStep: null, expiresAt: null }
    const storage = createMemoryStorage()
    const auth = createMedusaAuth({ baseUrl: backend.url, publishableKey: backend.publishableKey, type: 'jwt', storage, state })

    const answer = await auth.login('customer', 'emailpass', { email: customer.email, password: customer.password })
    expect(answer).toMatchObject({ verification_required: true, token: expect.any(String) })
    expect(state.status).toBe('pending')
    expect(state.pendingStep?.kind).toBe('verification')
    expect(storage.get()).toBeNull()
    await expect(auth.fetch('/store/customers/me')).rejects.toBeInstanceOf(MedusaAuthError)

    await auth.requestVerification(customer.email)
    const { code } = await waitForAuthEvent({ ...useTestBackend(), eventsFile }, 'auth.verification_requested', customer.email)

    await expect(auth.confirmVerification('not-the-code')).rejects.toBeInstanceOf(MedusaAuthError)
    expect(state.status).toBe('pending')

    const token = await auth.confirmVerification(String(code))
    expect(typeof token).toBe('string')
    expect(state.status).toBe('authenticated')
    expect(storage.get()).toBe(token)
    const { customer: me } = await auth.fetch<{ customer: { email: string } }>('/store/customers/me')
    expect(me.email).toBe(customer.email)
  })

  it('refuses to confirm when no verification is pending', async () => {
    const state: MedusaAuthState = { token: null, claims: null, status: 'unauthenticated', pendingStep: null, expiresAt: null }
    const auth = createMedusaAuth({ baseUrl: backend.url, type: 'jwt', storage: createMemoryStorage(), state })
    await expect(auth.confirmVerification('123')).rejects.toMatchObject({ type: 'not_allowed', status: 0 })
  })
})
