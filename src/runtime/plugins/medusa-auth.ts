import { appendResponseHeader, setResponseHeader } from 'h3'
import { defineNuxtPlugin, useRequestEvent, useRequestHeaders, useRouter, useRuntimeConfig } from '#app'
import { resolveMedusaAuthConfig } from '../config'
import type { MedusaAuthPublicConfig } from '../config'
import { createMedusaAuth } from '../core/auth'
import type { MedusaAuthChange, MedusaAuthState } from '../core/auth'
import { createAutoRefresh } from '../core/auto-refresh'
import { createServerRoutesClient } from '../core/server-routes-client'
import { parseCookieHeader } from '../core/storage'
import { createAuthFlows } from '../flows'
import { useMedusaAuthStore } from '../stores/medusaAuth'
import { createTabSync } from '../tab-sync'
import { createTokenStorage } from '../token-storage'

const plugin = defineNuxtPlugin({
  name: 'medusa-auth',
  dependsOn: ['pinia'],
  async setup(nuxtApp) {
    let config: MedusaAuthPublicConfig
    try {
      config = resolveMedusaAuthConfig(useRuntimeConfig().public.medusaAuth)
    }
    catch (error) {
      // Production error pages hide the message: the server log must say what to set.
      console.error((error as Error).message)
      throw error
    }

    // Session mode during SSR: Medusa's session cookie, when the browser sent it here too.
    const sessionCookie = import.meta.server && config.type === 'session'
      ? parseCookieHeader(useRequestHeaders(['cookie']).cookie)[config.sessionCookieName]
      : undefined

    // httpOnly mode: the server holds the token out of the store (the store reaches the page's
    // payload); the browser holds none and talks to the module's server routes, which to it
    // behave as a session does.
    const httpOnly = config.storage === 'httpOnly'
    const browserKeepsSession = config.type === 'session' || (httpOnly && import.meta.client)

    // Built anew for every request on the server, once in the browser.
    const store = useMedusaAuthStore(nuxtApp.$pinia as never)
    let changed: (change: MedusaAuthChange) => void = () => undefined
    const auth = createMedusaAuth({
      baseUrl: config.baseUrl,
      publishableKey: config.publishableKey,
      type: browserKeepsSession ? 'session' : config.type,
      storage: createTokenStorage(config),
      state: httpOnly && import.meta.server ? withTokenKeptBack(store) : store,
      expiryMargin: config.expiryMargin,
      forwardHeaders: sessionCookie ? { cookie: `${config.sessionCookieName}=${encodeURIComponent(sessionCookie)}` } : undefined,
      client: httpOnly && import.meta.client ? createServerRoutesClient(config) : undefined,
      onChange: change => changed(change),
    })

    auth.hydrate()
    if (sessionCookie) {
      await auth.restoreSession().catch((error: Error) => {
        console.warn(`[medusa-auth] could not check the session with Medusa during SSR: ${error.message}`)
      })
    }

    // A page rendered for a logged-in visitor is that visitor's alone: no shared cache may keep it.
    const event = import.meta.server ? useRequestEvent() : undefined
    if (event && store.status !== 'unauthenticated') {
      setResponseHeader(event, 'cache-control', 'private, no-store')
      appendResponseHeader(event, 'vary', 'cookie')
    }

    if (import.meta.client) {
      const router = useRouter()
      const autoRefresh = config.autoRefresh ? createAutoRefresh(store, auth.refresh) : undefined

      // Another tab logged in, refreshed or logged out: read the shared state again, then guard this page anew.
      const tabs = createTabSync(async (change) => {
        if (change === 'logout') auth.forgetLocally()
        else if (browserKeepsSession) await auth.restoreSession().catch(() => undefined)
        else auth.hydrate()
        autoRefresh?.schedule()
        const route = router.currentRoute.value
        await router.replace({ path: route.path, query: route.query, hash: route.hash, force: true })
      })

      changed = (change) => {
        tabs.announce(change)
        autoRefresh?.schedule()
      }
      nuxtApp.hook('app:mounted', () => autoRefresh?.schedule())
    }

    // Unless SSR already found the session, the browser asks Medusa about its cookie.
    if (import.meta.client && config.type === 'session' && store.status !== 'authenticated') {
      await auth.restoreSession().catch((error: Error) => {
        console.warn(`[medusa-auth] could not check the session with Medusa: ${error.message}`)
      })
    }

    const medusaAuth = { ...auth, ...createAuthFlows(nuxtApp as never, auth, store, config), config }
    return { provide: { medusaAuth } }
  },
})

export default plugin

/** The store, except that the token stays in this request's memory and never reaches the payload. */
function withTokenKeptBack(store: MedusaAuthState): MedusaAuthState {
  let token: string | null = null
  return {
    get token() {
      return token
    },
    set token(value) {
      token = value
    },
    get claims() {
      return store.claims
    },
    set claims(value) {
      store.claims = value
    },
    get status() {
      return store.status
    },
    set status(value) {
      store.status = value
    },
    get pendingStep() {
      return store.pendingStep
    },
    set pendingStep(value) {
      store.pendingStep = value
    },
    get expiresAt() {
      return store.expiresAt
    },
    set expiresAt(value) {
      store.expiresAt = value
    },
  }
}

/** `$medusaAuth`: the auth methods, the navigation flows and the resolved options. */
export type MedusaAuthPlugin = ReturnType<typeof createMedusaAuth> & ReturnType<typeof createAuthFlows> & {
  config: MedusaAuthPublicConfig
}
