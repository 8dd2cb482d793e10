import {
  addImports,
  addPlugin,
  addServerHandler,
  addRouteMiddleware,
  addTypeTemplate,
  createResolver,
  defineNuxtModule,
  extendPages,
  useLogger,
} from '@nuxt/kit'
import { defu } from 'defu'
import type { MedusaAuthPublicConfig, MedusaAuthStorage } from './runtime/config'
import type { MedusaAuthType } from './runtime/core/client'
import { setupDevtools } from './devtools'
import { sessionCookieWarning } from './site-check'

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
   * server-rendered page already knows who is logged in. `'httpOnly'` keeps
   * it in an httpOnly cookie that browser JavaScript never sees: login,
   * refresh, logout and `$medusaAuth.fetch` then go through the module's
   * server routes under `/api/_medusa-auth`. Also `'local'`, `'session'`
   * (web storage) and `'memory'`.
   * @default 'cookie'
   */
  storage: MedusaAuthStorage
  /**
   * Cookie name, or key in `localStorage` / `sessionStorage`.
   * @default 'medusa_auth_token'
   */
  storageKey: string
  /**
   * The actor type that guarded pages and `loginWith` use unless told otherwise.
   * @default 'customer'
   */
  defaultActor: string
  /**
   * Where the guard sends a visitor who is not logged in, with `?redirect=<the page asked for>`.
   * @default '/login'
   */
  loginRoute: string
  /**
   * Where an authenticated visitor of a guest-only page goes, and where a
   * login ends when there is no safe `redirect` to go back to.
   * @default '/'
   */
  homeRoute: string
  /**
   * The third-party callback page is `<callbackRoute>/<provider>`: point the
   * provider's redirect URL there. `loginWith` tells Medusa so itself.
   * @default '/auth/callback'
   */
  callbackRoute: string
  /**
   * Whether the module adds the callback page itself. Turn it off to write
   * your own page at the same route, calling `handleCallback()`.
   * @default true
   */
  callbackPage: boolean
  /**
   * Where `loginWith` sends a login that Medusa answered with `mfa_required`.
   * @default '/login/mfa'
   */
  mfaRoute: string
  /**
   * Where `loginWith` sends a login that Medusa answered with `verification_required`.
   * @default '/login/verify'
   */
  verificationRoute: string
  /**
   * Guard every page, except those with `definePageMeta({ medusaAuth: false })`.
   * Otherwise only pages with `medusaAuth` meta, or that name the
   * `medusa-auth` middleware, are guarded.
   * @default false
   */
  globalMiddleware: boolean
  /**
   * Hostnames that a third-party provider's `location` may lead to. Empty:
   * the Medusa server's host, `accounts.google.com` and `github.com`. A
   * loopback host (`localhost`, `127.0.0.1`, `[::1]`) listed here may use
   * `http:` and any port, for a local identity provider.
   * @default []
   */
  allowedRedirectHosts: string[]
  /**
   * After a first third-party login of a customer (a token without an
   * actor), create the customer with the provider's email, then refresh.
   * Apps that collect more data first turn this off, or handle the
   * `medusa-auth:actor-missing` runtime hook.
   * @default true
   */
  createCustomerOnCallback: boolean
  /**
   * A token counts as expired this many seconds before its `exp`, so that
   * no request leaves with a token that dies on the way.
   * @default 60
   */
  expiryMargin: number
  /**
   * Refresh the token in the browser shortly before it stops counting,
   * while the visitor keeps the page open.
   * @default false
   */
  autoRefresh: boolean
  /**
   * Session mode: the name of Medusa's session cookie (its
   * `projectConfig.cookieOptions.name`). When the browser sends it to the
   * app too (the two share a host, or `cookieOptions.domain` covers both),
   * SSR forwards it to Medusa and renders the page logged in.
   * @default 'connect.sid'
   */
  sessionCookieName: string
  /**
   * The cookie in which the app keeps its guest cart's id, e.g.
   * `'medusa_cart_id'`; empty: no hand-over. When set, a customer's login
   * makes that cart the customer's (`POST /store/carts/{id}/customer`), and
   * a logout clears the cookie, so that the next visitor starts without it.
   * @default ''
   */
  cartCookie: string
}

export type { MedusaAuthError } from './runtime/core/errors'
export type { MedusaAuthClaims } from './runtime/core/token'
export type { LoginResult, MedusaAuthStatus } from './runtime/core/auth'
export type { MedusaAuthPageMeta, MedusaAuthPageRule } from './runtime/middleware/page-meta'

const logger = useLogger('medusa-auth')

export default defineNuxtModule<ModuleOptions>({
  meta: {
    name: 'medusa-auth',
    configKey: 'medusaAuth',
    compatibility: { nuxt: '^3.21.0 || ^4.0.0' },
  },
  defaults: {
    baseUrl: '',
    publishableKey: '',
    type: 'jwt',
    storage: 'cookie',
    storageKey: 'medusa_auth_token',
    defaultActor: 'customer',
    loginRoute: '/login',
    homeRoute: '/',
    callbackRoute: '/auth/callback',
    callbackPage: true,
    mfaRoute: '/login/mfa',
    verificationRoute: '/login/verify',
    globalMiddleware: false,
    allowedRedirectHosts: [],
    createCustomerOnCallback: true,
    expiryMargin: 60,
    autoRefresh: false,
    sessionCookieName: 'connect.sid',
    cartCookie: '',
  },
  moduleDependencies: {
    '@pinia/nuxt': {},
  },
  setup(options, nuxt) {
    const resolver = createResolver(import.meta.url)

    // Public runtime config: NUXT_PUBLIC_MEDUSA_AUTH_* override it at run time.
    const { callbackPage, ...publicOptions } = options
    nuxt.options.runtimeConfig.public.medusaAuth = defu(
      nuxt.options.runtimeConfig.public.medusaAuth as Partial<MedusaAuthPublicConfig> | undefined,
      publicOptions,
    )

    if (!nuxt.options.runtimeConfig.public.medusaAuth.baseUrl && !nuxt.options._prepare) {
      logger.warn('`medusaAuth.baseUrl` is not set: give NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL when the app runs, or the app fails to start.')
    }

    // Session mode: once the dev server knows its URL, say whether Medusa's session cookie can follow.
    nuxt.hook('listen', (_server, listener: { url?: string }) => {
      const { type, baseUrl } = nuxt.options.runtimeConfig.public.medusaAuth
      const warning = type === 'session' && listener.url && baseUrl ? sessionCookieWarning(listener.url, baseUrl) : undefined
      if (warning) logger.warn(warning)
    })

    // Development: a Nuxt DevTools tab with the visitor's state and the checks of Medusa's CORS and cookies.
    if (nuxt.options.dev) setupDevtools(nuxt)

    // The plugin builds `$medusaAuth` for every request.
    addPlugin(resolver.resolve('./runtime/plugins/medusa-auth'))

    // httpOnly mode's server routes; they answer 404 unless the runtime config chooses that mode.
    addServerHandler({
      route: '/api/_medusa-auth/**',
      handler: resolver.resolve('./runtime/server/routes'),
    })

    // The guard: named `medusa-auth`, and a global one that reads `medusaAuth` page meta.
    addRouteMiddleware({ name: 'medusa-auth', path: resolver.resolve('./runtime/middleware/medusa-auth') })
    addRouteMiddleware({
      name: 'medusa-auth-page-meta',
      path: resolver.resolve('./runtime/middleware/medusa-auth-page-meta'),
      global: true,
    })
    addTypeTemplate({
      filename: 'types/medusa-auth.d.ts',
      getContents: () => [
        `import type { MedusaAuthPageMeta } from ${JSON.stringify(resolver.resolve('./runtime/middleware/page-meta'))}`,
        `import type { MedusaAuthActorMissingContext, MedusaAuthErrorContext, MedusaAuthLoginContext } from ${JSON.stringify(resolver.resolve('./runtime/hooks'))}`,
        `declare module '#app' {`,
        `  interface PageMeta {`,
        `    /** \`false\`: a public page. Otherwise who may see it; see medusa-auth's README. */`,
        `    medusaAuth?: MedusaAuthPageMeta`,
        `  }`,
        `  interface RuntimeNuxtHooks {`,
        `    /** A third-party login gave an identity without an actor; set \`handled\` to create it yourself. */`,
        `    'medusa-auth:actor-missing': (context: MedusaAuthActorMissingContext) => void | Promise<void>`,
        `    /** This tab logged in (a login, callback, MFA or verification step). */`,
        `    'medusa-auth:login': (context: MedusaAuthLoginContext) => void | Promise<void>`,
        `    /** This tab's token was renewed. */`,
        `    'medusa-auth:refresh': (context: MedusaAuthLoginContext) => void | Promise<void>`,
        `    /** This tab logged out, or Medusa refused its refresh. */`,
        `    'medusa-auth:logout': () => void | Promise<void>`,
        `    /** A \`$medusaAuth\` method rejected with a MedusaAuthError. */`,
        `    'medusa-auth:error': (context: MedusaAuthErrorContext) => void | Promise<void>`,
        `  }`,
        `}`,
        `export {}`,
      ].join('\n'),
    })

    // The third-party callback page, unless the app writes its own.
    if (callbackPage) {
      extendPages((pages) => {
        pages.push({
          name: 'medusa-auth-callback',
          path: `${options.callbackRoute.replace(/\/+$/, '')}/:provider`,
          file: resolver.resolve('./runtime/pages/MedusaAuthCallback.vue'),
          meta: { medusaAuth: false },
        })
      })
    }

    // Composables, the store and the error class are auto-imported.
    addImports([
      { name: 'useMedusaAuth', from: resolver.resolve('./runtime/composables/useMedusaAuth') },
      { name: 'useMedusaAuthProviders', from: resolver.resolve('./runtime/composables/useMedusaAuthProviders') },
      { name: 'useMedusaSdkConfig', from: resolver.resolve('./runtime/composables/useMedusaSdkConfig') },
      { name: 'safeRedirectPath', from: resolver.resolve('./runtime/utils/redirect') },
      { name: 'isAllowedLocation', from: resolver.resolve('./runtime/utils/redirect') },
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
