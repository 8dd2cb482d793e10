import type { MedusaAuthType } from './core/client'
import { MedusaAuthError } from './core/errors'
import { isLoopbackHost } from './utils/redirect'

/**
 * Where jwt mode keeps the token. `'httpOnly'`: in an httpOnly cookie that
 * only the app's server reads; the browser goes through the module's server
 * routes.
 */
export type MedusaAuthStorage = 'cookie' | 'local' | 'session' | 'memory' | 'httpOnly'

/** The module's public runtime config, `runtimeConfig.public.medusaAuth`. */
export interface MedusaAuthPublicConfig {
  baseUrl: string
  publishableKey: string
  type: MedusaAuthType
  storage: MedusaAuthStorage
  storageKey: string
  defaultActor: string
  loginRoute: string
  homeRoute: string
  callbackRoute: string
  mfaRoute: string
  verificationRoute: string
  globalMiddleware: boolean
  allowedRedirectHosts: string[]
  createCustomerOnCallback: boolean
  expiryMargin: number
  autoRefresh: boolean
  sessionCookieName: string
  /** The app's guest cart cookie; `''`: no cart hand-over. */
  cartCookie: string
}

const TYPES: readonly MedusaAuthType[] = ['jwt', 'session']
const STORAGES: readonly MedusaAuthStorage[] = ['cookie', 'local', 'session', 'memory', 'httpOnly']

/** The runtime-config environment variable of an option: `cartCookie` → `NUXT_PUBLIC_MEDUSA_AUTH_CART_COOKIE`. */
export function environmentVariable(option: string): string {
  return `NUXT_PUBLIC_MEDUSA_AUTH_${option.replace(/[A-Z]/g, letter => `_${letter}`).toUpperCase()}`
}

function configurationError(message: string) {
  return new MedusaAuthError(`[medusa-auth] ${message}`, { status: 0, type: 'configuration_error' })
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], option: string, variable: string): T {
  if (allowed.includes(value as T)) return value as T
  throw configurationError(`\`medusaAuth.${option}\` is ${JSON.stringify(value)}; use one of ${allowed.map(name => `'${name}'`).join(', ')} (or set ${variable}).`)
}

/**
 * Checks the runtime config once per app start and gives it normalised.
 * Values may come from environment variables, so nothing is trusted.
 */
export function resolveMedusaAuthConfig(config: Partial<Record<keyof MedusaAuthPublicConfig, unknown>> | undefined): MedusaAuthPublicConfig {
  const baseUrl = typeof config?.baseUrl === 'string' ? config.baseUrl.trim() : ''
  if (!baseUrl) {
    throw configurationError('The Medusa server is not set: set `medusaAuth.baseUrl` in nuxt.config or NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL in the environment.')
  }
  let url: URL
  try {
    url = new URL(baseUrl)
  }
  catch {
    throw configurationError(`\`medusaAuth.baseUrl\` (NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL) is not a URL: ${JSON.stringify(baseUrl)}.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw configurationError(`\`medusaAuth.baseUrl\` (NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL) must be an http or https URL, not ${JSON.stringify(baseUrl)}.`)
  }

  const storageKey = typeof config?.storageKey === 'string' && config.storageKey.trim()
    ? config.storageKey.trim()
    : 'medusa_auth_token'
  if (!/^[\w.-]+$/.test(storageKey)) {
    throw configurationError(`\`medusaAuth.storageKey\` (NUXT_PUBLIC_MEDUSA_AUTH_STORAGE_KEY) may hold only letters, digits, \`_\`, \`-\` and \`.\`, not ${JSON.stringify(storageKey)}.`)
  }

  const route = (option: 'loginRoute' | 'homeRoute' | 'callbackRoute' | 'mfaRoute' | 'verificationRoute', fallback: string) => {
    const value = config?.[option] ?? fallback
    if (typeof value !== 'string' || !/^\/(?![/\\])[^\s?#]*$/.test(value)) {
      throw configurationError(`\`medusaAuth.${option}\` must be a path such as ${JSON.stringify(fallback)}, not ${JSON.stringify(value)}.`)
    }
    return value.length > 1 ? value.replace(/\/+$/, '') : value
  }

  const defaultActor = config?.defaultActor ?? 'customer'
  if (typeof defaultActor !== 'string' || !/^[\w-]{1,64}$/.test(defaultActor)) {
    throw configurationError(`\`medusaAuth.defaultActor\` must be an actor type such as 'customer' or 'user', not ${JSON.stringify(defaultActor)}.`)
  }

  const type = oneOf(config?.type ?? 'jwt', TYPES, 'type', 'NUXT_PUBLIC_MEDUSA_AUTH_TYPE')
  const storage = oneOf(config?.storage ?? 'cookie', STORAGES, 'storage', 'NUXT_PUBLIC_MEDUSA_AUTH_STORAGE')
  if (storage === 'httpOnly' && type !== 'jwt') {
    throw configurationError(`\`medusaAuth.storage: 'httpOnly'\` keeps a jwt-mode token; it cannot be combined with \`type: '${type}'\` (NUXT_PUBLIC_MEDUSA_AUTH_TYPE).`)
  }

  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    publishableKey: typeof config?.publishableKey === 'string' ? config.publishableKey.trim() : '',
    type,
    storage,
    storageKey,
    defaultActor,
    loginRoute: route('loginRoute', '/login'),
    homeRoute: route('homeRoute', '/'),
    callbackRoute: route('callbackRoute', '/auth/callback'),
    mfaRoute: route('mfaRoute', '/login/mfa'),
    verificationRoute: route('verificationRoute', '/login/verify'),
    globalMiddleware: flag(config?.globalMiddleware, false),
    allowedRedirectHosts: hostList(config?.allowedRedirectHosts, url),
    createCustomerOnCallback: flag(config?.createCustomerOnCallback, true),
    expiryMargin: seconds(config?.expiryMargin, 60),
    autoRefresh: flag(config?.autoRefresh, false),
    sessionCookieName: cookieName(config?.sessionCookieName, 'sessionCookieName', 'connect.sid'),
    cartCookie: cookieName(config?.cartCookie, 'cartCookie', ''),
  }
}

function seconds(value: unknown, fallback: number): number {
  if (value === undefined || value === null || value === '') return fallback
  const number = Number(value)
  if (!Number.isFinite(number) || number < 0) {
    throw configurationError(`\`medusaAuth.expiryMargin\` (NUXT_PUBLIC_MEDUSA_AUTH_EXPIRY_MARGIN) must be a number of seconds, not ${JSON.stringify(value)}.`)
  }
  return number
}

function cookieName(value: unknown, option: 'sessionCookieName' | 'cartCookie', fallback: string): string {
  const name = typeof value === 'string' && value.trim() ? value.trim() : fallback
  if (name && !/^[\w.-]+$/.test(name)) {
    throw configurationError(`\`medusaAuth.${option}\` (${environmentVariable(option)}) is not a cookie name: ${JSON.stringify(name)}.`)
  }
  return name
}

function flag(value: unknown, fallback: boolean): boolean {
  if (value === undefined || value === null || value === '') return fallback
  return value === true || value === 'true'
}

/**
 * The hosts a third-party `location` may point at. Unset: Medusa's own host
 * (unless it is a loopback host, which must be listed explicitly),
 * `accounts.google.com` and `github.com`. An environment variable may give
 * a JSON array or a comma-separated list.
 */
function hostList(value: unknown, medusaUrl: URL): string[] {
  const listed = Array.isArray(value)
    ? value
    : typeof value === 'string' ? value.split(',') : []
  const hosts = listed.filter((host): host is string => typeof host === 'string').map(host => host.trim()).filter(Boolean)
  if (hosts.length) return hosts
  const medusaHost = isLoopbackHost(medusaUrl.hostname) ? [] : [medusaUrl.hostname]
  return [...medusaHost, 'accounts.google.com', 'github.com']
}
