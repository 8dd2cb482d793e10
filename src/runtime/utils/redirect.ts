// Where the module may send a visitor. Pure functions, free of Nuxt, so
// every case can be tested on its own.

const MAX_PATH_LENGTH = 2048
const MAX_LOCATION_LENGTH = 8192

/**
 * Characters that never belong in a redirect target: controls, every kind
 * of whitespace, backslashes, and look-alikes of `/` and `\`.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u0020\u007F-\u00A0\u1680\u180E\u2000-\u200F\u2028-\u202F\u205F-\u2064\u3000\uFEFF\\\u2044\u2215\u2216\u29F8\u29F9\uFE68\uFF0F\uFF3C]/

const PROBE_ORIGIN = 'http://medusa-auth.invalid'

/** A path of this site: one leading `/`, nothing that a browser reads as a host. */
function isPlainPath(value: string): boolean {
  return value.startsWith('/') && value[1] !== '/' && !UNSAFE_CHARACTERS.test(value)
}

/** The part of a path before its query and hash: the part that decides where a browser goes. */
function pathPart(value: string): string {
  return value.split(/[?#]/, 1)[0]!
}

function decodeOnce(value: string): string | null {
  try {
    return decodeURIComponent(value)
  }
  catch {
    return null
  }
}

/**
 * Gives `value` if it is a path on this site, and `fallback` otherwise.
 * Protocol-relative and backslash forms, whitespace and control characters,
 * schemes, and all of these encoded once or twice are refused, as are
 * non-strings, arrays and values longer than 2048 characters.
 */
export function safeRedirectPath(value: unknown, fallback: string): string {
  const safeFallback = fallback !== value && isSafePath(fallback) ? fallback : '/'
  return isSafePath(value) ? normalize(value) ?? safeFallback : safeFallback
}

function isSafePath(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_PATH_LENGTH) return false
  if (!isPlainPath(value)) return false

  // A target that is decoded before use must stay a plain path at every level.
  let layer = value
  for (let depth = 0; depth < 3; depth++) {
    const decoded = decodeOnce(layer)
    if (decoded === null) return false
    if (decoded === layer) return true
    if (!isPlainPath(pathPart(decoded))) return false
    layer = decoded
  }
  // Encoded three times or more: no honest link does that.
  return false
}

/** Resolves dot segments the way a browser does, and checks the result again. */
function normalize(value: string): string | null {
  let url: URL
  try {
    url = new URL(value, PROBE_ORIGIN)
  }
  catch {
    return null
  }
  if (url.origin !== PROBE_ORIGIN) return null
  const path = `${url.pathname}${url.search}${url.hash}`
  return isPlainPath(path) ? path : null
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase())
}

/** `accounts.google.com`, `Bücher.example` or `[::1]` as a browser spells the hostname. */
function canonicalHostname(host: string): string | null {
  try {
    return new URL(`https://${host.trim()}`).hostname
  }
  catch {
    return null
  }
}

/**
 * Whether a third-party provider's `location` may be followed: `https:` on
 * the default port, no user-info, and a hostname exactly in `allowedHosts`.
 * A loopback host (`localhost`, `127.0.0.1`, `[::1]`) that is listed may use
 * `http:` and any port, for a local identity provider during development.
 */
export function isAllowedLocation(location: unknown, allowedHosts: readonly string[]): boolean {
  if (typeof location !== 'string' || location.length > MAX_LOCATION_LENGTH) return false
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007F\\]/.test(location)) return false
  // An encoded host may decode to anything: only a plainly written one can be checked.
  if (/^[a-z][\w+.-]*:\/\/[^/?#]*%/i.test(location)) return false

  let url: URL
  try {
    url = new URL(location)
  }
  catch {
    return false
  }
  if (url.username || url.password) return false

  const hostname = url.hostname
  const listed = allowedHosts.some(host => canonicalHostname(host) === hostname)
  if (!listed) return false
  if (isLoopbackHost(hostname)) return url.protocol === 'http:' || url.protocol === 'https:'
  return url.protocol === 'https:' && url.port === ''
}
