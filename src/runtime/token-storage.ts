import type { H3Event } from 'h3'
import type { MedusaAuthPublicConfig } from './config'
import { createCookieStorage, createMemoryStorage, createWebStorage } from './core/storage'
import type { CookieJar, TokenStorage } from './core/storage'
import { createDocumentCookieJar } from './document-cookies'
import { createHttpOnlyTokenCookies, createRequestCookieJar, isSecureRequest } from './server/cookies'

/**
 * The cookies of this side: one request's on the server (`event`), the
 * page's in the browser. `import.meta.server` lets the browser's build drop
 * the server's half, and h3's cookie code with it.
 */
export function cookiesOf(event: H3Event | undefined): { jar: CookieJar, secure: boolean } {
  if (import.meta.server && event) return { jar: createRequestCookieJar(event, { httpOnly: false }), secure: isSecureRequest(event) }
  return { jar: createDocumentCookieJar(), secure: window.location.protocol === 'https:' }
}

/** The token storage for this side: on the server (`event`), for that request alone. */
export function createTokenStorage({ storage, storageKey }: MedusaAuthPublicConfig, event: H3Event | undefined): TokenStorage {
  switch (storage) {
    case 'memory':
      return createMemoryStorage()
    case 'local':
      return createWebStorage(() => (event ? undefined : window.localStorage), storageKey)
    case 'session':
      return createWebStorage(() => (event ? undefined : window.sessionStorage), storageKey)
    case 'cookie': {
      const { jar, secure } = cookiesOf(event)
      return createCookieStorage(jar, storageKey, { secure })
    }
    case 'httpOnly':
      // Only the server can read the cookie; the browser keeps nothing and asks the module's server routes.
      return import.meta.server && event ? createHttpOnlyTokenCookies(event, storageKey).token : createMemoryStorage()
  }
}
