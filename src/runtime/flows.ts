// The flows that move the visitor between pages: a login that may leave
// the site for a provider, and the callback that brings it back.
import { navigateTo, useRequestURL } from '#app'
import type { NuxtApp } from '#app'
import type { MedusaAuthPublicConfig } from './config'
import type { LoginResult, MedusaAuth, MedusaAuthState } from './core/auth'
import { MedusaAuthError } from './core/errors'
import { parseCookieHeader } from './core/storage'
import { createDocumentCookieJar } from './document-cookies'
import type { MedusaAuthActorMissingContext } from './hooks'
import { isAllowedLocation, safeRedirectPath } from './utils/redirect'

/** The cookie that carries the post-login target across the provider's round trip. */
export const LOGIN_TARGET_COOKIE = 'medusa_auth_redirect'
const LOGIN_TARGET_SECONDS = 600

interface LoginTarget {
  actor: string
  provider: string
  redirect: string
}

export interface LoginWithOptions {
  /** Default: the `defaultActor` option. */
  actor?: string
  /** Where to go after the login; checked with `safeRedirectPath`. Default: the current page's `?redirect`, else `homeRoute`. */
  redirect?: unknown
  /** The body for Medusa, e.g. `{ email, password }`. Without one, Medusa is asked to return to the module's callback page. */
  payload?: Record<string, unknown>
}

/** The browser's cookie for the target; `seconds: 0` removes it. */
function writeLoginTargetCookie(value: string, seconds: number) {
  createDocumentCookieJar().set(LOGIN_TARGET_COOKIE, value, {
    path: '/',
    sameSite: 'lax',
    secure: window.location.protocol === 'https:',
    expires: new Date(Date.now() + seconds * 1000),
    maxAge: seconds,
  })
}

/** Reads and removes the remembered target; anything malformed counts as none. */
function takeLoginTarget(): Partial<LoginTarget> {
  if (!import.meta.client) return {}
  const raw = parseCookieHeader(document.cookie)[LOGIN_TARGET_COOKIE]
  writeLoginTargetCookie('', 0)
  try {
    const value = JSON.parse(raw ?? 'null') as Record<string, unknown> | null
    const text = (field: unknown) => (typeof field === 'string' ? field : undefined)
    return { actor: text(value?.actor), provider: text(value?.provider), redirect: text(value?.redirect) }
  }
  catch {
    return {}
  }
}

/** The logins that move the visitor between pages. */
export interface MedusaAuthFlows {
  loginWith: (provider: string, options?: LoginWithOptions) => Promise<LoginResult>
  handleCallback: (provider?: string) => Promise<void>
  continueAfterLogin: () => Promise<void>
}

export function createAuthFlows(nuxtApp: NuxtApp, auth: MedusaAuth, state: MedusaAuthState, config: MedusaAuthPublicConfig): MedusaAuthFlows {
  const go = (to: Parameters<typeof navigateTo>[0], options?: Parameters<typeof navigateTo>[1]) =>
    nuxtApp.runWithContext(() => navigateTo(to, options))

  const currentRedirectQuery = () => nuxtApp.$router.currentRoute.value.query.redirect

  // One login at a time: a double submit gets the login already on its way.
  let loginInFlight: Promise<LoginResult> | null = null

  /**
   * Logs in and moves on: back to the safe `redirect` target, out to the
   * provider's allowed `location`, or to the MFA or verification page.
   * A `location` off the allowlist rejects with type `location_not_allowed`,
   * without navigating and without changing any state. While one call is on
   * its way, another gives the same promise and sends nothing.
   */
  function loginWith(provider: string, options: LoginWithOptions = {}): Promise<LoginResult> {
    loginInFlight ??= startLogin(provider, options).finally(() => {
      loginInFlight = null
    })
    return loginInFlight
  }

  async function startLogin(provider: string, options: LoginWithOptions): Promise<LoginResult> {
    const actor = options.actor ?? config.defaultActor
    const redirect = safeRedirectPath(options.redirect ?? currentRedirectQuery(), config.homeRoute)
    const origin = nuxtApp.runWithContext(() => useRequestURL().origin)
    const payload = options.payload ?? { callback_url: `${origin}${config.callbackRoute}/${provider}` }

    const result = await auth.login(actor, provider, payload)
    if (typeof result === 'string') {
      await go(redirect)
    }
    else if ('location' in result) {
      if (!isAllowedLocation(result.location, config.allowedRedirectHosts)) {
        throw new MedusaAuthError(
          `The provider "${provider}" answered with a location that is not allowed; list its host in \`medusaAuth.allowedRedirectHosts\` if it is trusted.`,
          { status: 0, type: 'location_not_allowed' },
        )
      }
      writeLoginTargetCookie(JSON.stringify({ actor, provider, redirect } satisfies LoginTarget), LOGIN_TARGET_SECONDS)
      await go(result.location, { external: true })
    }
    else {
      const route = 'mfa_required' in result ? config.mfaRoute : config.verificationRoute
      await go({ path: route, query: { redirect } })
    }
    return result
  }

  /**
   * The callback page's work: passes the provider's whole query to Medusa,
   * creates the customer of a first third-party login (unless the app
   * handles `medusa-auth:actor-missing` or turned `createCustomerOnCallback`
   * off), then goes to the remembered target.
   */
  async function handleCallback(provider?: string): Promise<void> {
    const route = nuxtApp.$router.currentRoute.value
    const providerId = provider ?? String(route.params.provider ?? '')
    const taken = takeLoginTarget()
    // A target left by another provider's round trip is not this one's.
    const remembered = taken.provider === providerId ? taken : {}
    const actor = remembered.actor ?? config.defaultActor

    await auth.callback(actor, providerId, route.query)

    if (state.claims && !state.claims.actor_id) {
      const context: MedusaAuthActorMissingContext = { actor, provider: providerId, claims: state.claims, handled: false }
      await nuxtApp.callHook('medusa-auth:actor-missing', context)
      if (!context.handled && actor === 'customer' && config.createCustomerOnCallback) {
        await auth.createCustomerForIdentity()
      }
    }
    await go(safeRedirectPath(remembered.redirect, config.homeRoute))
  }

  /** After a completed MFA or verification step: back to the page's safe `?redirect`. */
  async function continueAfterLogin() {
    await go(safeRedirectPath(currentRedirectQuery(), config.homeRoute))
  }

  return { loginWith, handleCallback, continueAfterLogin }
}
