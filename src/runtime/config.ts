import type { MedusaAuthType } from './core/client'
import { MedusaAuthError } from './core/errors'

export type MedusaAuthStorage = 'cookie' | 'local' | 'session' | 'memory'

/** The module's public runtime config, `runtimeConfig.public.medusaAuth`. */
export interface MedusaAuthPublicConfig {
  baseUrl: string
  publishableKey: string
  type: MedusaAuthType
  storage: MedusaAuthStorage
  storageKey: string
}

const TYPES: readonly MedusaAuthType[] = ['jwt', 'session']
const STORAGES: readonly MedusaAuthStorage[] = ['cookie', 'local', 'session', 'memory']

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

  return {
    baseUrl: baseUrl.replace(/\/+$/, ''),
    publishableKey: typeof config?.publishableKey === 'string' ? config.publishableKey.trim() : '',
    type: oneOf(config?.type ?? 'jwt', TYPES, 'type', 'NUXT_PUBLIC_MEDUSA_AUTH_TYPE'),
    storage: oneOf(config?.storage ?? 'cookie', STORAGES, 'storage', 'NUXT_PUBLIC_MEDUSA_AUTH_STORAGE'),
    storageKey,
  }
}
