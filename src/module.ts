import { addImports, addPlugin, createResolver, defineNuxtModule, useLogger } from '@nuxt/kit'
import { defu } from 'defu'
import type { MedusaAuthPublicConfig, MedusaAuthStorage } from './runtime/config'
import type { MedusaAuthType } from './runtime/core/client'

export interface ModuleOptions {
  /**
   * The Medusa server, e.g. `https://api.shop.example`. May be left out of
   * the build and given at run time as `NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL`.
   * @default ''
   */
  baseUrl: string
  /**
   * Publishable API key, sent as `x-publishable-api-key` with every request
   * of `$medusaAuth.fetch` (Medusa's store routes require it).
   * @default ''
   */
  publishableKey: string
  /**
   * `'jwt'`: the token is kept by the app and sent as a Bearer header.
   * `'session'`: Medusa keeps the login in its own session cookie.
   * @default 'jwt'
   */
  type: MedusaAuthType
  /**
   * Where jwt mode keeps the token. `'cookie'` is readable during SSR, so a
   * server-rendered page already knows who is logged in.
   * @default 'cookie'
   */
  storage: MedusaAuthStorage
  /**
   * Cookie name, or key in `localStorage` / `sessionStorage`.
   * @default 'medusa_auth_token'
   */
  storageKey: string
}

export type { MedusaAuthError, MedusaAuthClaims, LoginResult, MedusaAuthStatus } from './runtime'

const logger = useLogger('medusa-auth')

export default defineNuxtModule<ModuleOptions>({
  meta: {
    name: 'medusa-auth',
    configKey: 'medusaAuth',
    compatibility: { nuxt: '^4.0.0' },
  },
  defaults: {
    baseUrl: '',
    publishableKey: '',
    type: 'jwt',
    storage: 'cookie',
    storageKey: 'medusa_auth_token',
  },
  moduleDependencies: {
    '@pinia/nuxt': {},
  },
  setup(options, nuxt) {
    const resolver = createResolver(import.meta.url)

    // Public runtime config: NUXT_PUBLIC_MEDUSA_AUTH_* override it at run time.
    nuxt.options.runtimeConfig.public.medusaAuth = defu(
      nuxt.options.runtimeConfig.public.medusaAuth as Partial<MedusaAuthPublicConfig> | undefined,
      options,
    )

    if (!nuxt.options.runtimeConfig.public.medusaAuth.baseUrl && !nuxt.options._prepare) {
      logger.warn('`medusaAuth.baseUrl` is not set: give NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL when the app runs, or the app fails to start.')
    }

    // The plugin builds `$medusaAuth` for every request.
    addPlugin(resolver.resolve('./runtime/plugins/medusa-auth'))

    // Composables, the store and the error class are auto-imported.
    addImports([
      { name: 'useMedusaAuth', from: resolver.resolve('./runtime/composables/useMedusaAuth') },
      { name: 'useMedusaAuthStore', from: resolver.resolve('./runtime/stores/medusaAuth') },
      { name: 'MedusaAuthError', from: resolver.resolve('./runtime/core/errors') },
      { name: 'isMedusaAuthError', from: resolver.resolve('./runtime/core/errors') },
    ])
  },
})

declare module '@nuxt/schema' {
  interface PublicRuntimeConfig {
    medusaAuth: MedusaAuthPublicConfig
  }
}
