import type { H3Event } from 'h3'
import type { MedusaAuthPublicConfig } from './config'
import { createCookieStorage, createMemoryStorage, createWebStorage } from './core/storage'
import type { TokenStorage } from './core/storage'
import { createDocumentCookieJar } from './document-cookies'
import { createHttpOnlyTokenCookies, createRequestCookieJar, isSecureRequest } from './server/cookies'

/** The token storage for this side: on the server (`event`), for that request alone. */
export function createTokenStorage({ storage, storageKey }: MedusaAuthPublicConfig, event: H3Event | undefined): TokenStorage {
  switch (storage) {
    case 'memory':
      return createMemoryStorage()
    case 'local':
      return createWebStorage(() => (event ? undefined : window.localStorage), storageKey)
    case 'session':
      return createWebStorage(() => (event ? undefined : window.sessionStorage), storageKey)
    case 'cookie':
      return event
        ? createCookieStorage(createRequestCookieJar(event, { httpOnly: false }), storageKey, { secure: isSecureRequest(event) })
        : createCookieStorage(createDocumentCookieJar(), storageKey, { secure: window.location.protocol === 'https:' })
    case 'httpOnly':
      // Only the server can read the cookie; the browser keeps nothing and asks the module's server routes.
      return event ? createHttpOnlyTokenCookies(event, storageKey).token : createMemoryStorage()
  }
}
