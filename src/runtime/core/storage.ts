import type { MedusaAuthClaims } from './token'

/** Where a jwt-mode token lives between page loads. */
export interface TokenStorage {
  get: () => string | null
  /** Keeps `token`; `claims.exp` bounds how long it may be kept. */
  set: (token: string, claims: MedusaAuthClaims) => void
  remove: () => void
}

export function createMemoryStorage(): TokenStorage {
  let token: string | null = null
  return {
    get: () => token,
    set: (value) => {
      token = value
    },
    remove: () => {
      token = null
    },
  }
}

/**
 * `localStorage` or `sessionStorage`. Browsers that refuse web storage (some
 * private modes throw on every call) get a memory storage instead, so a
 * login still lasts for the page's life.
 */
export function createWebStorage(resolveStorage: () => Storage | undefined, key: string): TokenStorage {
  const fallback = createMemoryStorage()
  const attempt = <T>(use: (storage: Storage) => T, otherwise: () => T): T => {
    try {
      const storage = resolveStorage()
      return storage ? use(storage) : otherwise()
    }
    catch {
      return otherwise()
    }
  }
  return {
    get: () => attempt(storage => storage.getItem(key), fallback.get),
    set: (token, claims) => attempt(storage => storage.setItem(key, token), () => fallback.set(token, claims)),
    remove: () => {
      fallback.remove()
      attempt(storage => storage.removeItem(key), () => undefined)
    },
  }
}

export interface CookieAttributes {
  path: string
  sameSite: 'lax'
  secure: boolean
  /** Unset for a cookie that is removed. */
  expires?: Date
  maxAge?: number
}

/** Reads and writes the cookies of one side: the browser's, or one request's. */
export interface CookieJar {
  get: (name: string) => string | undefined
  set: (name: string, value: string, attributes: CookieAttributes) => void
}

/** A cookie that holds the token; readable during SSR, so the server knows who is logged in. */
export function createCookieStorage(jar: CookieJar, name: string, { secure }: { secure: boolean }): TokenStorage {
  const base = { path: '/', sameSite: 'lax', secure } as const
  return {
    get: () => jar.get(name) || null,
    set: (token, claims) => {
      const expires = new Date(claims.exp * 1000)
      const maxAge = Math.max(0, Math.floor((expires.getTime() - Date.now()) / 1000))
      jar.set(name, token, { ...base, expires, maxAge })
    },
    remove: () => jar.set(name, '', { ...base, expires: new Date(0), maxAge: 0 }),
  }
}

export function parseCookieHeader(header: string | null | undefined): Record<string, string> {
  const cookies: Record<string, string> = Object.create(null)
  for (const pair of (header ?? '').split(';')) {
    const separator = pair.indexOf('=')
    if (separator < 1) continue
    const name = pair.slice(0, separator).trim()
    if (name in cookies) continue
    try {
      cookies[name] = decodeURIComponent(pair.slice(separator + 1).trim())
    }
    catch {
      // A value that is not valid percent-encoding is not ours.
    }
  }
  return cookies
}

export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  const parts = [`${name}=${encodeURIComponent(value)}`, `Path=${attributes.path}`]
  if (attributes.expires) parts.push(`Expires=${attributes.expires.toUTCString()}`)
  if (attributes.maxAge !== undefined) parts.push(`Max-Age=${attributes.maxAge}`)
  parts.push('SameSite=Lax')
  if (attributes.secure) parts.push('Secure')
  return parts.join('; ')
}

/**
 * Session mode during SSR: the `Cookie` header that carries Medusa's session
 * cookie alone, when the browser sent it to the app too; nothing else of the
 * visitor's cookies reaches Medusa.
 */
export function sessionCookieHeader(header: string | null | undefined, name: string): string | undefined {
  const value = parseCookieHeader(header)[name]
  return value === undefined ? undefined : `${name}=${encodeURIComponent(value)}`
}
