// The checks of the DevTools tab, against the real Medusa server (whose
// CORS settings allow any origin on this machine, and no other).
import { describe, expect, it } from 'vitest'
import { checkMedusaSetup } from '../../src/devtools'
import { freePort } from '../medusa/harness.mjs'
import { useTestBackend } from '../support/backend'

const backend = useTestBackend()
const jwt = { baseUrl: backend.url, publishableKey: backend.publishableKey, type: 'jwt', storage: 'cookie', defaultActor: 'customer' } as const
const outcome = (checks: Array<{ name: string, ok: boolean }>) => Object.fromEntries(checks.map(check => [check.name, check.ok]))

describe('the DevTools tab\'s checks', () => {
  it('pass for an app whose origin Medusa allows, with a valid key', async () => {
    const checks = await checkMedusaSetup(jwt, 'http://localhost:3000')
    expect(outcome(checks)).toEqual({
      'Medusa answers': true,
      'Publishable API key': true,
      'CORS of the auth routes': true,
      'CORS of the store routes': true,
    })
  })

  it('name the CORS variable to set for an origin Medusa does not allow', async () => {
    const checks = await checkMedusaSetup(jwt, 'https://shop.example')
    const failed = checks.filter(check => !check.ok)
    expect(failed.map(check => check.name)).toEqual(['CORS of the auth routes', 'CORS of the store routes'])
    expect(failed[0]!.detail).toContain('AUTH_CORS')
    expect(failed[1]!.detail).toContain('STORE_CORS')
  })

  it('tell a refused publishable key, and a Medusa that does not answer', async () => {
    const refused = await checkMedusaSetup({ ...jwt, publishableKey: 'pk_wrong' }, 'http://localhost:3000')
    expect(outcome(refused)['Publishable API key']).toBe(false)
    expect(refused.find(check => check.name === 'Publishable API key')!.detail).toContain('NUXT_PUBLIC_MEDUSA_AUTH_PUBLISHABLE_KEY')

    const down = await checkMedusaSetup({ ...jwt, baseUrl: `http://127.0.0.1:${await freePort()}` }, 'http://localhost:3000')
    expect(down).toHaveLength(1)
    expect(down[0]).toMatchObject({ name: 'Medusa answers', ok: false })
  })

  it('in session mode, explain when the session cookie cannot follow to the app', async () => {
    const session = { ...jwt, type: 'session' } as const
    const oneHost = await checkMedusaSetup(session, new URL(backend.url).origin.replace(/:\d+$/, ':3000'))
    expect(outcome(oneHost)['Session cookie']).toBe(true)
    const otherHost = await checkMedusaSetup(session, 'http://localhost:3000')
    expect(outcome(otherHost)['Session cookie']).toBe(false)
    expect(otherHost.find(check => check.name === 'Session cookie')!.detail).toContain('different sites')
  })

  it('in httpOnly mode, need no CORS at all', async () => {
    const checks = await checkMedusaSetup({ ...jwt, storage: 'httpOnly' }, 'https://shop.example')
    expect(checks.every(check => check.ok)).toBe(true)
  })
})
