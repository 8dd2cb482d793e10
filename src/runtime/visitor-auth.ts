// Everything that acts for the visitor: the token storage, the core and the
// navigation flows, bound to this request (server) or this tab (browser).
// The plugin loads this file on first use, so a page that only reads the
// store never downloads it.
import { getRequestHeader } from 'h3'
import type { NuxtApp } from '#app'
import type { MedusaAuthPublicConfig } from './config'
import { createMedusaAuth } from './core/auth'
import type { MedusaAuth, MedusaAuthChange, MedusaAuthState } from './core/auth'
import { isMedusaAuthError, MedusaAuthError } from './core/errors'
import { createServerRoutesClient } from './core/server-routes-client'
import { sessionCookieHeader } from './core/storage'
import { createCartHandover } from './cart-handover'
import { createAuthFlows } from './flows'
import type { MedusaAuthFlows } from './flows'
import { cookiesOf, createTokenStorage } from './token-storage'

export interface VisitorAuthOptions {
  nuxtApp: NuxtApp
  config: MedusaAuthPublicConfig
  /** The Pinia store. */
  store: MedusaAuthState
  onChange: (change: MedusaAuthChange) => void
}

/** What `$medusaAuth` offers, besides its `config`. */
export type MedusaAuthMethods = MedusaAuth & MedusaAuthFlows

export interface VisitorAuth extends MedusaAuthMethods {
  /** Reads who the visitor is: the stored token, or the session Medusa confirms. */
  start: () => Promise<void>
  /** Another tab logged in, refreshed or logged out: read the shared state again. */
  followOtherTab: (change: MedusaAuthChange) => Promise<void>
}

export function createVisitorAuth({ nuxtApp, config, store, onChange }: VisitorAuthOptions): VisitorAuth {
  // httpOnly mode: the server holds the token out of the store (the store reaches the page's
  // payload); the browser holds none and talks to the module's server routes, which to it
  // behave as a session does.
  const httpOnly = config.storage === 'httpOnly'
  const browserKeepsSession = config.type === 'session' || (httpOnly && import.meta.client)

  // Session mode during SSR: Medusa's session cookie, when the browser sent it here too.
  const event = import.meta.server ? nuxtApp.ssrContext?.event : undefined
  const sessionCookie = import.meta.server && event && config.type === 'session'
    ? sessionCookieHeader(getRequestHeader(event, 'cookie'), config.sessionCookieName)
    : undefined

  const auth = createMedusaAuth({
    baseUrl: config.baseUrl,
    publishableKey: config.publishableKey,
    type: browserKeepsSession ? 'session' : config.type,
    storage: createTokenStorage(config, event),
    state: httpOnly && import.meta.server ? withTokenKeptBack(store) : store,
    expiryMargin: config.expiryMargin,
    forwardHeaders: sessionCookie ? { cookie: sessionCookie } : undefined,
    client: httpOnly && import.meta.client ? createServerRoutesClient(config) : undefined,
    onChange: async (change) => {
      onChange(change)
      // The app's `useCookie` of the cart sees the cookie go through the browser's cookieStore.
      if (change === 'logout') cart?.clear()
      if (change === 'login') {
        await cart?.transfer(store.claims).catch((error: Error) => {
          console.warn(`[medusa-auth] the guest cart was not handed over: ${error.message}`)
          return reportError(nuxtApp, 'transferCart', error)
        })
      }
      // Runtime hooks for the app: analytics, and reactions of its own. A failing hook is the app's
      // to fix; it does not undo the change, and the change does not wait for it.
      const told = change === 'logout'
        ? nuxtApp.callHook('medusa-auth:logout')
        : nuxtApp.callHook(`medusa-auth:${change}`, { claims: store.claims })
      Promise.resolve(told).catch((error: unknown) => console.error(`[medusa-auth] a medusa-auth:${change} hook failed:`, error))
    },
  })

  // Guest cart hand-over, when the app names its cart cookie.
  const cart = config.cartCookie
    ? createCartHandover({ cookie: config.cartCookie, ...cookiesOf(event), fetch: auth.fetch })
    : undefined

  // httpOnly mode in the browser: no token is ever here to take from another client, and
  // forgetting the visitor must clear the server's cookie too.
  const setToken: MedusaAuth['setToken'] = httpOnly && import.meta.client
    ? async (token) => {
      if (token !== null) {
        throw new MedusaAuthError('httpOnly mode: log in through $medusaAuth, which keeps the token on the server.', { status: 0, type: 'not_allowed' })
      }
      await auth.logout()
    }
    : auth.setToken

  return {
    ...reportingErrors(nuxtApp, { ...auth, setToken, ...createAuthFlows(nuxtApp, auth, store, config) }),

    async start() {
      auth.hydrate()
      const checkSession = import.meta.server ? Boolean(sessionCookie) : config.type === 'session' && store.status !== 'authenticated'
      if (!checkSession) return
      await auth.restoreSession().catch((error: Error) => {
        console.warn(`[medusa-auth] could not check the session with Medusa: ${error.message}`)
      })
    },

    async followOtherTab(change) {
      if (change === 'logout') auth.forgetLocally()
      else if (browserKeepsSession) await auth.restoreSession().catch(() => undefined)
      else auth.hydrate()
    },
  }
}

/** The same methods, except that a MedusaAuthError they reject with is also told to `medusa-auth:error`. */
function reportingErrors<Methods extends object>(nuxtApp: NuxtApp, methods: Methods): Methods {
  const reporting = {} as Methods
  for (const [name, method] of Object.entries(methods) as Array<[string, unknown]>) {
    if (typeof method !== 'function') continue
    const report = async (error: unknown): Promise<never> => {
      await reportError(nuxtApp, name, error)
      throw error
    }
    Object.assign(reporting, {
      [name]: (...args: unknown[]) => {
        const result: unknown = method(...args)
        return result instanceof Promise ? result.catch(report) : result
      },
    })
  }
  return reporting
}

/** Tells a MedusaAuthError to the `medusa-auth:error` hook; a failing hook is logged. */
async function reportError(nuxtApp: NuxtApp, method: string, error: unknown): Promise<void> {
  if (!isMedusaAuthError(error)) return
  await Promise.resolve(nuxtApp.callHook('medusa-auth:error', { method, error }))
    .catch((hookError: unknown) => console.error('[medusa-auth] a medusa-auth:error hook failed:', hookError))
}

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
