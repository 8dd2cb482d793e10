// The core as its tests use it: against the real Medusa server, through a
// fault proxy that each test may tell to answer in Medusa's place.
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { createMedusaAuth } from '../../src/runtime/core/auth'
import type { MedusaAuthState } from '../../src/runtime/core/auth'
import { createMemoryStorage } from '../../src/runtime/core/storage'
import { useTestBackend } from './backend'
import { startFaultProxy } from './fault-proxy'

type FaultProxy = Awaited<ReturnType<typeof startFaultProxy>>

/** A fault proxy in front of the test backend for this file, with no rule at the start of each test. */
export function useFaultProxy(): Omit<FaultProxy, 'stop'> {
  let proxy: FaultProxy | undefined
  const started = () => {
    if (!proxy) throw new Error('the fault proxy starts in beforeAll: use it inside tests')
    return proxy
  }
  beforeAll(async () => {
    proxy = await startFaultProxy(useTestBackend().url)
  })
  afterAll(() => proxy?.stop())
  beforeEach(() => started().reset())
  return {
    get url() {
      return started().url
    },
    count: key => started().count(key),
    setRule: rule => started().setRule(rule),
    reset: () => started().reset(),
    down: () => started().down(),
    up: () => started().up(),
  }
}

/** A jwt-mode core on `baseUrl` with a memory storage and a fresh state. */
export function createTestAuth(baseUrl: string) {
  const state: MedusaAuthState = { token: null, claims: null, status: 'unauthenticated', pendingStep: null, expiresAt: null }
  const storage = createMemoryStorage()
  const auth = createMedusaAuth({ baseUrl, publishableKey: useTestBackend().publishableKey, type: 'jwt', storage, state })
  return { auth, state, storage }
}
