// `$medusaAuth`, built for every request on the server and once in the
// browser. In the browser it stays small: the store, the guard and the tab
// channel load with the page, while the auth methods (visitor-auth.ts and
// the core) load on their first call, or at once where the visitor must be
// read from the browser's own storage or session.
import { appendResponseHeader, setResponseHeader } from 'h3'
import { defineNuxtPlugin, useRequestEvent, useRouter } from '#app'
import type { NuxtApp } from '#app'
import type { MedusaAuthPublicConfig } from '../config'
import type { MedusaAuthChange } from '../core/auth'
import { useMedusaAuthStore } from '../stores/medusaAuth'
import { createTabSync } from '../tab-sync'
import type { MedusaAuthMethods, VisitorAuth } from '../visitor-auth'

/** The methods of `$medusaAuth`; each loads the visitor's auth on its first call. Listing all is enforced by the type. */
const METHODS: Record<keyof MedusaAuthMethods, true> = {
  fetch: true, hydrate: true, forgetLocally: true, restoreSession: true, login: true, register: true,
  registerCustomer: true, createCustomerForIdentity: true, verifyMfa: true, requestVerification: true,
  confirmVerification: true, callback: true, refresh: true, logout: true, resetPassword: true,
  updateProvider: true, listProviders: true, loginWith: true, handleCallback: true, continueAfterLogin: true,
  currentToken: true, setToken: true,
}

/** A method that may first load its code: whatever it gives, it gives as a promise. */
type Loaded<Method> = Method extends (...args: infer Args) => infer Result ? (...args: Args) => Promise<Awaited<Result>> : never

/** `$medusaAuth`: the auth methods, the navigation flows and the resolved options. */
export type MedusaAuthPlugin = { [Name in Exclude<keyof MedusaAuthMethods, 'fetch'>]: Loaded<MedusaAuthMethods[Name]> } & {
  /** Generic, and already a promise. */
  fetch: MedusaAuthMethods['fetch']
  config: MedusaAuthPublicConfig
}

/**
 * The options, checked once: on the server, which hands them to the browser
 * in the payload; in the browser only when no server rendered the page.
 */
async function resolveOptions(nuxtApp: NuxtApp): Promise<MedusaAuthPublicConfig> {
  const payload = nuxtApp.payload as { medusaAuthConfig?: MedusaAuthPublicConfig }
  if (payload.medusaAuthConfig) return payload.medusaAuthConfig
  const raw = nuxtApp.$config.public.medusaAuth
  const { resolveMedusaAuthConfig } = await import('../config')
  try {
    payload.medusaAuthConfig = resolveMedusaAuthConfig(raw)
  }
  catch (error) {
    // Production error pages hide the message: the server log must say what to set.
    console.error((error as Error).message)
    throw error
  }
  return payload.medusaAuthConfig
}

const plugin = defineNuxtPlugin({
  name: 'medusa-auth',
  dependsOn: ['pinia'],
  async setup(nuxtApp) {
    // Every composable before the first `await`.
    const event = import.meta.server ? useRequestEvent() : undefined
    const store = useMedusaAuthStore(nuxtApp.$pinia as never)
    const router = import.meta.client ? useRouter() : undefined
    const config = await resolveOptions(nuxtApp as NuxtApp)

    let announce: (change: MedusaAuthChange) => void = () => undefined
    let visitor: Promise<VisitorAuth> | undefined
    const loadVisitor = () => visitor ??= import('../visitor-auth').then(({ createVisitorAuth }) =>
      createVisitorAuth({ nuxtApp: nuxtApp as NuxtApp, config, store, onChange: change => announce(change) }))

    const medusaAuth = { config } as MedusaAuthPlugin
    for (const name of Object.keys(METHODS) as Array<keyof MedusaAuthMethods>) {
      const call = (...args: unknown[]) => loadVisitor().then(auth => (auth[name] as (...args: unknown[]) => unknown)(...args))
      Object.assign(medusaAuth, { [name]: call })
    }

    // Who is the visitor? The server reads the request; the browser already has the answer in
    // the payload, unless the token lives where only the browser sees it, or in Medusa's session.
    const browserMustLook = !nuxtApp.payload.serverRendered
      || (config.type === 'jwt' && ['local', 'session', 'memory'].includes(config.storage))
      || (config.type === 'session' && store.status !== 'authenticated')
    if (import.meta.server || browserMustLook) {
      const visitorAuth = await loadVisitor()
      await visitorAuth.start()
    }

    // A page rendered for a logged-in visitor is that visitor's alone: no shared cache may keep it.
    if (import.meta.server && event && store.status !== 'unauthenticated') {
      setResponseHeader(event, 'cache-control', 'private, no-store')
      appendResponseHeader(event, 'vary', 'cookie')
    }

    if (router) {
      let autoRefresh: { schedule: () => void } | undefined
      if (config.autoRefresh) {
        const { createAutoRefresh } = await import('../core/auto-refresh')
        autoRefresh = createAutoRefresh(store, medusaAuth.refresh)
      }

      // Another tab logged in, refreshed or logged out: read the shared state again, then guard this page anew.
      const tabs = createTabSync(async (change) => {
        await loadVisitor().then(auth => auth.followOtherTab(change))
        autoRefresh?.schedule()
        const route = router.currentRoute.value
        await router.replace({ path: route.path, query: route.query, hash: route.hash, force: true })
      })

      announce = (change) => {
        tabs.announce(change)
        autoRefresh?.schedule()
      }
      nuxtApp.hook('app:mounted', () => autoRefresh?.schedule())
    }

    // Development: the DevTools tab (src/devtools.ts) reads the visitor from here; never the token.
    if (import.meta.dev && import.meta.client) {
      const devtoolsWindow = window as { __MEDUSA_AUTH_DEVTOOLS__?: () => unknown }
      devtoolsWindow.__MEDUSA_AUTH_DEVTOOLS__ = () => ({ status: store.status, claims: store.claims, expiresAt: store.expiresAt })
    }

    return { provide: { medusaAuth } }
  },
})

export default plugin
