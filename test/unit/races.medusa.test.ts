// Requests that cross each other, against the real Medusa server: two
// logins racing, and a logout while a login or a refresh is on its way.
import { describe, expect, it } from 'vitest'
import { MedusaAuthError } from '../../src/runtime/core/errors'
import { decodeToken } from '../../src/runtime/core/token'
import { alice, bob } from '../support/accounts'
import { createTestAuth, useFaultProxy } from '../support/core'

const proxy = useFaultProxy()

const newAuth = () => createTestAuth(proxy.url)

/** Holds requests for `path` back until `release()` is called, then lets them reach Medusa. */
function holdBack(path: string) {
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  let arrived: () => void = () => undefined
  const arrival = new Promise<void>((resolve) => {
    arrived = resolve
  })
  proxy.setRule(async (request) => {
    if (request.path !== path) return undefined
    arrived()
    await released
    return undefined
  })
  return { arrival, release }
}

const login = (auth: ReturnType<typeof newAuth>['auth'], who: { email: string, password: string }) =>
  auth.login('customer', 'emailpass', { email: who.email, password: who.password })

describe('races', () => {
  it('two logins racing leave one whole login: state, claims and storage agree', async () => {
    for (let round = 0; round < 5; round++) {
      const { auth, state, storage } = newAuth()
      const tokens = await Promise.all([login(auth, alice), login(auth, bob)])
      expect(tokens).toContain(state.token)
      expect(storage.get()).toBe(state.token)
      expect(decodeToken(state.token)).toEqual(state.claims)
      expect(state.status).toBe('authenticated')
    }
  })

  it('a logout while a login is on its way wins: the answer is dropped', async () => {
    const { auth, state, storage } = newAuth()
    const held = holdBack('/auth/customer/emailpass')
    const pending = login(auth, alice).catch((error: unknown) => error)
    await held.arrival
    await auth.logout()
    held.release()
    const error = await pending
    expect(error).toBeInstanceOf(MedusaAuthError)
    expect(error).toMatchObject({ type: 'logged_out' })
    expect(state).toMatchObject({ token: null, claims: null, status: 'unauthenticated' })
    expect(storage.get()).toBeNull()
  })

  it('a logout while a refresh is on its way wins, and a later login works', async () => {
    const { auth, state, storage } = newAuth()
    await login(auth, alice)
    const held = holdBack('/auth/token/refresh')
    const pending = auth.refresh().catch((error: unknown) => error)
    await held.arrival
    await auth.logout()
    held.release()
    expect(await pending).toMatchObject({ type: 'logged_out' })
    expect(state).toMatchObject({ token: null, status: 'unauthenticated' })
    expect(storage.get()).toBeNull()

    // A login after it is a normal login again.
    proxy.reset()
    await login(auth, bob)
    expect(state.status).toBe('authenticated')
    expect(storage.get()).toBe(state.token)
  })
})
