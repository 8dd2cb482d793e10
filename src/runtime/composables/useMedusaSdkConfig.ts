import { getRequestHeader } from 'h3'
import { useNuxtApp, useRequestEvent } from '#app'
import { sessionCookieHeader } from '../core/storage'
import { SERVER_ROUTES_PREFIX } from '../core/server-routes-client'
import type { MedusaAuthPlugin } from '../plugins/medusa-auth'

/**
 * The SDK's custom token storage (`auth.storage` of `@medusajs/js-sdk`):
 * written out here so that the module needs no SDK to be installed.
 */
export interface MedusaSdkTokenStorage {
  getItem: (key: string) => Promise<string | null>
  setItem: (key: string, value: string) => Promise<void>
  removeItem: (key: string) => Promise<void>
}

/** The part of the JS SDK's `new Medusa(config)` that decides where requests go and who sends them. */
export interface MedusaSdkConfig {
  baseUrl: string
  publishableKey?: string
  globalHeaders?: Record<string, string>
  auth: {
    type: 'jwt' | 'session'
    jwtTokenStorageMethod: 'custom'
    storage: MedusaSdkTokenStorage
    fetchCredentials: 'include' | 'same-origin'
  }
}

/**
 * Options for the JS SDK's `new Medusa(...)` with which the SDK and
 * `$medusaAuth` share one login: the SDK sends the module's token, and the
 * SDK's login, registration and logout become the module's. Build the
 * client where a composable may run (a plugin, a page's setup), once per
 * request on the server:
 *
 * ```ts
 * const sdk = new Medusa({ ...useMedusaSdkConfig(), debug: false })
 * ```
 *
 * jwt mode: the SDK reads the token from the module (refreshed first when
 * it has stopped counting). Session mode: the SDK sends Medusa's cookie;
 * during SSR it gets the visitor's one, when the browser sent it here.
 * httpOnly mode: in the browser the SDK goes through the module's proxy,
 * which attaches the token, so its own `sdk.auth.*` calls are refused there.
 */
export function useMedusaSdkConfig(): MedusaSdkConfig {
  const nuxtApp = useNuxtApp()
  const event = import.meta.server ? useRequestEvent() : undefined
  const medusaAuth = nuxtApp.$medusaAuth as MedusaAuthPlugin
  const { config } = medusaAuth
  const throughProxy = config.storage === 'httpOnly' && import.meta.client

  const storage: MedusaSdkTokenStorage = {
    getItem: () => medusaAuth.currentToken(),
    setItem: (_key, token) => medusaAuth.setToken(token),
    removeItem: () => medusaAuth.setToken(null),
  }

  const sessionCookie = import.meta.server && event && config.type === 'session'
    ? sessionCookieHeader(getRequestHeader(event, 'cookie'), config.sessionCookieName)
    : undefined

  return {
    baseUrl: throughProxy ? `${window.location.origin}${SERVER_ROUTES_PREFIX}/proxy` : config.baseUrl,
    publishableKey: config.publishableKey || undefined,
    globalHeaders: sessionCookie ? { cookie: sessionCookie } : undefined,
    auth: {
      type: config.type === 'session' || throughProxy ? 'session' : 'jwt',
      jwtTokenStorageMethod: 'custom',
      storage,
      fetchCredentials: throughProxy ? 'same-origin' : 'include',
    },
  }
}
