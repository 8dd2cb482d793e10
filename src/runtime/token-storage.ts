import { useRequestEvent, useRequestURL } from '#app'
import type { MedusaAuthPublicConfig } from './config'
import { createCookieStorage, createMemoryStorage, createWebStorage } from './core/storage'
import type { TokenStorage } from './core/storage'
import { createDocumentCookieJar } from './document-cookies'
import { createHttpOnlyTokenCookies, createRequestCookieJar } from './server/cookies'

/** The token storage for this side and, on the server, for this request alone. */
export function createTokenStorage({ storage, storageKey }: MedusaAuthPublicConfig): TokenStorage {
  switch (storage) {
    case 'memory':
      return createMemoryStorage()
    case 'local':
      return createWebStorage(() => (import.meta.client ? window.localStorage : undefined), storageKey)
    case 'session':
      return createWebStorage(() => (import.meta.client ? window.sessionStorage : undefined), storageKey)
    case 'cookie': {
      const secure = useRequestURL().protocol === 'https:'
      const event = import.meta.server ? useRequestEvent() : undefined
      const jar = event ? createRequestCookieJar(event, { httpOnly: false }) : createDocumentCookieJar()
      return createCookieStorage(jar, storageKey, { secure })
    }
    case 'httpOnly': {
      // Only the server can read the cookie; the browser keeps nothing and asks the module's server routes.
      const event = import.meta.server ? useRequestEvent() : undefined
      return event ? createHttpOnlyTokenCookies(event, storageKey).token : createMemoryStorage()
    }
  }
}
