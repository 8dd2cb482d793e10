// Every malformed answer of test/support/malformed-answers.ts, injected by a
// fault proxy in front of the real Medusa server, against login, refresh and
// fetch: each gives a typed MedusaAuthError (or, for fetch, an answer) and
// leaves the state whole: logged out as before, or logged in as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MedusaAuthError } from '../../src/runtime/core/errors'
import { alice } from '../support/accounts'
import { reportFigure } from '../support/backend'
import { createTestAuth, useFaultProxy } from '../support/core'
import type { FaultAnswer } from '../support/fault-proxy'
import { forgedToken, malformedAnswers } from '../support/malformed-answers'

const proxy = useFaultProxy()
const unhandled: unknown[] = []
const onUnhandled = (reason: unknown) => unhandled.push(reason)
const outcomes = { login: 0, refresh: 0, fetch: 0 }

beforeAll(() => {
  process.on('unhandledRejection', onUnhandled)
})
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled)
  const total = outcomes.login + outcomes.refresh + outcomes.fetch
  await reportFigure(`malformed answers: ${malformedAnswers.length} kinds, ${total} injections (login ${outcomes.login}, refresh ${outcomes.refresh}, fetch ${outcomes.fetch}); unhandled rejections ${unhandled.length}`)
})

const newAuth = () => createTestAuth(proxy.url)

/** Answers requests for `path` with `answer`; everything else reaches Medusa. */
function inject(path: string, answer: FaultAnswer) {
  proxy.setRule(request => (request.path.split('?')[0] === path ? answer : undefined))
}

/** A typed error whose message is short and carries nothing from the body. */
function expectTypedError(error: unknown) {
  expect(error).toBeInstanceOf(MedusaAuthError)
  const { status, type, message } = error as MedusaAuthError
  expect(typeof status).toBe('number')
  expect(type).toMatch(/^[a-z_]+$/)
  expect(message.length).toBeLessThan(300)
  expect(message).not.toContain(forgedToken)
  expect(message).not.toMatch(/xxxxxxxx|<html/i)
}

const settle = <T>(promise: Promise<T>) => promise.then(value => ({ value }), (error: unknown) => ({ error }))

describe.each(malformedAnswers)('when Medusa answers with $name', ({ answer, slow }) => {
  it('login rejects with a MedusaAuthError and stays logged out', { timeout: 30_000 }, async () => {
    const { auth, state, storage } = newAuth()
    inject('/auth/customer/emailpass', answer)
    const outcome = await settle(auth.login('customer', 'emailpass', { email: alice.email, password: alice.password }))
    outcomes.login++
    if ('error' in outcome) expectTypedError(outcome.error)
    else expect(outcome.value).toMatchObject({ location: expect.stringMatching(/^https?:/) })
    expect(state).toMatchObject({ token: null, claims: null, status: 'unauthenticated', pendingStep: null })
    expect(storage.get()).toBeNull()
    expect(Object.prototype).not.toHaveProperty('token')
  })

  // The timeout is waited for once, at login: refresh and fetch share the same client.
  if (slow) return

  it('refresh rejects, and only a 401 logs out', async () => {
    const { auth, state, storage } = newAuth()
    await auth.login('customer', 'emailpass', { email: alice.email, password: alice.password })
    const before = { ...state }
    inject('/auth/token/refresh', answer)
    const outcome = await settle(auth.refresh())
    outcomes.refresh++
    expect('error' in outcome).toBe(true)
    expectTypedError((outcome as { error: unknown }).error)
    if ((outcome as { error: MedusaAuthError }).error.status === 401) {
      expect(state).toMatchObject({ token: null, claims: null, status: 'unauthenticated' })
      expect(storage.get()).toBeNull()
    }
    else {
      expect(state).toEqual(before)
      expect(storage.get()).toBe(before.token)
    }
  })

  it('fetch gives a MedusaAuthError or the answer, and keeps the login whole', async () => {
    const { auth, state, storage } = newAuth()
    await auth.login('customer', 'emailpass', { email: alice.email, password: alice.password })
    inject('/store/customers/me', answer)
    const outcome = await settle(auth.fetch('/store/customers/me'))
    outcomes.fetch++
    if ('error' in outcome) expectTypedError(outcome.error)
    // A 401 refreshed once (Medusa agreed), so the visitor is still logged in, with whatever token is current.
    expect(state.status).toBe('authenticated')
    expect(storage.get()).toBe(state.token)
    expect(state.claims?.actor_id).toBeTruthy()
  })
})

describe('across the whole run', () => {
  it('saw no unhandled rejection', () => {
    expect(unhandled).toEqual([])
  })
})
