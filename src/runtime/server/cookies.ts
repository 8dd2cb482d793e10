// The cookies of one request on the app's server (SSR and the module's
// server routes); a cookie written here is sent with that request's answer.
import { getCookie, getRequestURL, setCookie } from 'h3'
import type { H3Event } from 'h3'
import { createCookieStorage } from '../core/storage'
import type { CookieJar, TokenStorage } from '../core/storage'

/** The partial token of a login waiting for MFA or verification lives this long. */
const PENDING_SECONDS = 600

/** The partial token of a login that waits for MFA or verification. */
export interface PendingTokenCookie {
  get: () => string | null
  set: (token: string) => void
  remove: () => void
}

/** `httpOnly`: browser JavaScript can never read what is written. */
export function createRequestCookieJar(event: H3Event, { httpOnly }: { httpOnly: boolean }): CookieJar {
  const written = new Map<string, string>()
  return {
    get: name => written.get(name) ?? getCookie(event, name),
    set: (name, value, attributes) => {
      written.set(name, value)
      setCookie(event, name, value, { ...attributes, httpOnly })
    },
  }
}

export function isSecureRequest(event: H3Event): boolean {
  return getRequestURL(event).protocol === 'https:'
}

/**
 * httpOnly mode: the token cookie (named `storageKey`) and the cookie of a
 * pending login's partial token (`<storageKey>_pending`), both out of reach
 * of browser JavaScript.
 */
export function createHttpOnlyTokenCookies(event: H3Event, storageKey: string): { token: TokenStorage, pending: PendingTokenCookie } {
  const jar = createRequestCookieJar(event, { httpOnly: true })
  const secure = isSecureRequest(event)
  const pendingName = `${storageKey}_pending`
  const base = { path: '/', sameSite: 'lax', secure } as const
  return {
    token: createCookieStorage(jar, storageKey, { secure }),
    pending: {
      get: () => jar.get(pendingName) || null,
      set: token => jar.set(pendingName, token, {
        ...base,
        expires: new Date(Date.now() + PENDING_SECONDS * 1000),
        maxAge: PENDING_SECONDS,
      }),
      remove: () => jar.set(pendingName, '', { ...base, expires: new Date(0), maxAge: 0 }),
    },
  }
}
