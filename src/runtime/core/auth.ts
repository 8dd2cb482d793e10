import { createAuthClient } from './client'
import type { AuthClient, LoginAnswer, MedusaAuthFetch, MedusaAuthType, MfaChallenge, MfaRequired, VerificationRequired } from './client'
import { MedusaAuthError } from './errors'
import type { TokenStorage } from './storage'
import { decodeToken, isExpired } from './token'
import type { MedusaAuthClaims } from './token'

/**
 * `authenticated`: a token or session whose actor exists.
 * `pending`: Medusa asked for MFA or verification first.
 */
export type MedusaAuthStatus = 'unauthenticated' | 'authenticated' | 'pending'

/** The step Medusa asked for before a login counts (status `pending`). */
export type MedusaAuthPendingStep
  = | { kind: 'mfa', challenge: MfaChallenge }
    | { kind: 'verification', verification?: Record<string, unknown> }

/** The state one auth instance writes; the Pinia store is one. */
export interface MedusaAuthState {
  /**
   * jwt mode: the token in use. Session mode keeps no token, except the
   * short-lived one of a registration or a pending step that has no session yet.
   */
  token: string | null
  claims: MedusaAuthClaims | null
  status: MedusaAuthStatus
  /** What completes a `pending` login; `null` otherwise. */
  pendingStep: MedusaAuthPendingStep | null
  /** When the token stops counting (its `exp` less the margin), in milliseconds; `null` without one. */
  expiresAt: number | null
}

/** A customer's profile, as `POST /store/customers` takes it. */
export interface CustomerProfile {
  first_name?: string
  last_name?: string
  phone?: string
  company_name?: string
  metadata?: Record<string, unknown>
}

export interface MedusaAuthOptions {
  baseUrl: string
  publishableKey?: string
  type: MedusaAuthType
  /** jwt mode only; session mode keeps its token nowhere. */
  storage: TokenStorage
  state: MedusaAuthState
  /** A token counts as expired this many seconds early. Default 60. */
  expiryMargin?: number
  /** Headers for every request to Medusa, such as the visitor's session cookie during SSR. */
  forwardHeaders?: Record<string, string>
  /**
   * Told of every login, refresh and logout this instance makes (not of
   * `hydrate` or `forgetLocally`). A login or refresh waits for what it gives back.
   */
  onChange?: (change: MedusaAuthChange) => void | Promise<void>
  /**
   * Who answers the auth requests. Default: Medusa itself. httpOnly mode
   * gives the browser a client of the app's own server routes, which keep
   * every token and answer with `token: ''`.
   */
  client?: AuthClient
}

/** What other tabs and timers hear of: never a token. */
export type MedusaAuthChange = 'login' | 'refresh' | 'logout'

/** What `login` gives: the token string, `{ location }` of a third-party provider, or a further step. */
export type LoginResult = string | { location: string } | MfaRequired | VerificationRequired

type Payload = Record<string, unknown>

/**
 * Medusa authentication for one visitor: the SDK's `auth` methods, with the
 * token kept in `storage` (jwt mode) or in Medusa's session cookie (session
 * mode), and `state` kept in step with both.
 */
export function createMedusaAuth(options: MedusaAuthOptions) {
  const { baseUrl, publishableKey, type, storage, state, expiryMargin = 60, onChange, forwardHeaders } = options
  const client = options.client ?? createAuthClient({ baseUrl, publishableKey, type, getToken: () => state.token, forwardHeaders })

  // One refresh at a time: every caller that needs one while it runs waits for the same answer.
  let refreshing: Promise<string> | null = null

  function setState(token: string | null, claims: MedusaAuthClaims | null, status?: MedusaAuthStatus) {
    state.token = token
    state.claims = claims
    state.status = status ?? (claims?.actor_id ? 'authenticated' : 'unauthenticated')
    state.pendingStep = null
    state.expiresAt = claims ? (claims.exp - expiryMargin) * 1000 : null
  }

  // Counts logouts: an answer to a request sent before a logout must not log the visitor back in.
  let logouts = 0
  function assertNoLogoutSince(count: number) {
    if (count !== logouts) {
      throw new MedusaAuthError('The visitor logged out while this request was on its way.', { status: 0, type: 'logged_out' })
    }
  }

  function forget(notify = true) {
    logouts++
    if (type === 'jwt') storage.remove()
    setState(null, null, 'unauthenticated')
    if (notify) void onChange?.('logout')
  }

  function pendingToken(kind: MedusaAuthPendingStep['kind']): string {
    // An empty token is one the app's server keeps for this step (httpOnly mode).
    if (state.status !== 'pending' || state.pendingStep?.kind !== kind || state.token === null) {
      throw new MedusaAuthError(`No ${kind === 'mfa' ? 'MFA challenge' : 'verification'} is pending: log in first.`, {
        status: 0,
        type: 'not_allowed',
      })
    }
    return state.token
  }

  /**
   * Makes a token the visitor's: stored (jwt) or turned into Medusa's session
   * cookie (session), unless the visitor logged out after the request that
   * gave it (`since`, a count of logouts) was sent.
   */
  async function establish(token: string, claims: MedusaAuthClaims, since: number, change: MedusaAuthChange = 'login') {
    assertNoLogoutSince(since)
    if (type === 'session') {
      await client.createSession(token)
      if (since !== logouts) await client.deleteSession().catch(() => undefined)
      assertNoLogoutSince(since)
      setState(null, claims)
    }
    else {
      storage.set(token, claims)
      setState(token, claims)
    }
    await onChange?.(change)
  }

  async function settle(answer: LoginAnswer, since: number): Promise<LoginResult> {
    if ('location' in answer) return { location: answer.location }
    if ('mfa_required' in answer || 'verification_required' in answer) {
      assertNoLogoutSince(since)
      // The partial token lives only in memory until the next step completes;
      // an earlier visitor's stored token must not come back on a reload.
      if (type === 'jwt') storage.remove()
      setState(answer.token, decodeToken(answer.token), 'pending')
      state.pendingStep = 'mfa_required' in answer
        ? { kind: 'mfa', challenge: answer.mfa_challenge }
        : { kind: 'verification', verification: answer.verification }
      return answer
    }
    await establish(answer.token, answer.claims, since)
    return answer.token
  }

  /**
   * `POST /auth/{actor}/{provider}/register`. Gives the token of an identity
   * without an actor yet: create the actor through `fetch` (it sends this
   * token, in session mode too), then `refresh()`.
   */
  async function register(actor: string, provider: string, payload: Payload): Promise<string> {
    const since = logouts
    const { token, claims } = await client.register(actor, provider, payload)
    assertNoLogoutSince(since)
    if (type === 'jwt') storage.set(token, claims)
    setState(token, claims)
    return token
  }

  /**
   * A new token for the current identity; it carries the actor once it
   * exists. Medusa's 401 logs the visitor out; a network failure or a 5xx
   * never does. Concurrent calls share one request.
   */
  function refresh(): Promise<string> {
    refreshing ??= (async () => {
      const since = logouts
      try {
        const { token, claims } = await client.refresh()
        await establish(token, claims, since, 'refresh')
        return token
      }
      catch (error) {
        if (error instanceof MedusaAuthError && error.status === 401 && since === logouts) forget()
        throw error
      }
      finally {
        refreshing = null
      }
    })()
    return refreshing
  }

  /**
   * Medusa requests with the publishable key and this visitor's credentials.
   * A 401 while logged in refreshes once (shared with concurrent requests)
   * and retries once; when the refresh is refused, the visitor is logged out
   * and the 401 stands.
   */
  const fetch: MedusaAuthFetch = async (path, options) => {
    try {
      return await client.fetch(path, options)
    }
    catch (error) {
      const loggedIn = state.status === 'authenticated' && (type === 'session' || state.token)
      if (!(error instanceof MedusaAuthError) || error.status !== 401 || !loggedIn || path.startsWith('/auth/')) throw error
      try {
        await refresh()
      }
      catch {
        throw error
      }
      return client.fetch(path, options)
    }
  }

  return {
    fetch,

    /** Reads the stored token (jwt) into `state`; an undecodable or expired one is dropped. */
    hydrate() {
      if (type !== 'jwt') return
      const token = storage.get()
      const claims = decodeToken(token)
      if (token && claims && !isExpired(claims, expiryMargin)) {
        setState(token, claims)
        return
      }
      if (token) storage.remove()
      setState(null, null, 'unauthenticated')
    },

    /**
     * The token a request of another client should carry now, such as the JS
     * SDK's: refreshed first when it has stopped counting, and none while a
     * login step is pending or in session mode.
     */
    async currentToken(): Promise<string | null> {
      if (state.status === 'pending' || !state.token) return null
      if (state.status === 'authenticated' && state.expiresAt !== null && Date.now() >= state.expiresAt) {
        return refresh().catch(() => null)
      }
      return state.token
    },

    /**
     * A token another client got for this visitor (the JS SDK's login or
     * registration) becomes this module's too; `null` forgets the visitor,
     * as `sdk.auth.logout()` does, without asking Medusa again. A token with
     * an actor counts as a login (session mode turns it into Medusa's
     * session); one without is kept for the registration it belongs to.
     */
    async setToken(token: string | null): Promise<void> {
      if (token === null) {
        if (state.status !== 'unauthenticated' || state.token) forget()
        return
      }
      if (token === state.token) return
      const claims = decodeToken(token)
      if (!claims || isExpired(claims, 0)) {
        throw new MedusaAuthError('This is not a Medusa token that is still valid.', { status: 0, type: 'invalid_data' })
      }
      if (!claims.actor_id) {
        if (type === 'jwt') storage.set(token, claims)
        setState(token, claims)
        return
      }
      const renewed = state.status === 'authenticated' && state.claims?.actor_id === claims.actor_id
      await establish(token, claims, logouts, renewed ? 'refresh' : 'login')
    },

    /** Forgets the visitor in this tab only, without Medusa: another tab logged out. */
    forgetLocally() {
      forget(false)
    },

    /** Session mode: asks Medusa whether the session cookie is still valid. */
    async restoreSession() {
      if (type !== 'session') return
      const since = logouts
      try {
        const { claims } = await client.refresh()
        assertNoLogoutSince(since)
        setState(null, claims)
      }
      catch (error) {
        if (since !== logouts) return
        setState(null, null, 'unauthenticated')
        if (!(error instanceof MedusaAuthError) || error.status !== 401) throw error
      }
    },

    /** `POST /auth/{actor}/{provider}`, as `sdk.auth.login`. */
    async login(actor: string, provider: string, payload: Payload = {}): Promise<LoginResult> {
      const since = logouts
      return settle(await client.login(actor, provider, payload), since)
    },

    register,

    /** Completes a third-party login with the provider's query (`code`, `state`, and the rest). */
    async callback(actor: string, provider: string, query: Payload): Promise<string> {
      const since = logouts
      const { token, claims } = await client.callback(actor, provider, query)
      await establish(token, claims, since)
      return token
    },

    /**
     * Registration in one call: the emailpass identity, then the customer
     * with `profile`, then a token that carries it. When the customer cannot
     * be created, the visitor is left logged out and the error is Medusa's.
     */
    async registerCustomer(credentials: { email: string, password: string }, profile: CustomerProfile = {}, provider = 'emailpass'): Promise<string> {
      await register('customer', provider, { email: credentials.email, password: credentials.password })
      try {
        await client.fetch('/store/customers', { method: 'POST', body: { ...profile, email: credentials.email } })
        return await refresh()
      }
      catch (error) {
        forget()
        throw error
      }
    },

    /**
     * Gives an identity without an actor (a first third-party login) its
     * customer, with the email of the provider's profile, and refreshes.
     */
    async createCustomerForIdentity(profile: CustomerProfile = {}): Promise<string> {
      const email = state.claims?.user_metadata?.email
      if (state.claims?.actor_type !== 'customer' || state.claims.actor_id || typeof email !== 'string') {
        throw new MedusaAuthError('Only a customer identity without a customer, whose provider gave an email, can get a customer here.', {
          status: 0,
          type: 'not_allowed',
        })
      }
      await client.fetch('/store/customers', { method: 'POST', body: { ...profile, email } })
      return refresh()
    },

    /** Completes a pending MFA login with a code, e.g. the six digits of an authenticator app. */
    async verifyMfa(code: string, method = 'totp'): Promise<string> {
      const partialToken = pendingToken('mfa')
      const challenge = (state.pendingStep as { challenge: MfaChallenge }).challenge
      const since = logouts
      const { token, claims } = await client.verifyMfaChallenge(challenge.id, { method, code }, partialToken)
      await establish(token, claims, since)
      return token
    },

    /** Asks Medusa to send a verification code for a pending login, e.g. to its email. */
    async requestVerification(entityId: string, entityType = 'email'): Promise<void> {
      const partialToken = pendingToken('verification')
      const since = logouts
      const verification = await client.requestVerification({ entity_id: entityId, entity_type: entityType }, partialToken)
      assertNoLogoutSince(since)
      state.pendingStep = { kind: 'verification', verification }
    },

    /** Confirms the code Medusa sent, then completes the pending login (which may ask for MFA next). */
    async confirmVerification(code: string): Promise<LoginResult> {
      const partialToken = pendingToken('verification')
      const since = logouts
      await client.confirmVerification({ code })
      return settle(await client.refreshToLoginAnswer(partialToken), since)
    },

    refresh,

    /**
     * Forgets the visitor locally, whatever the server says; in session mode
     * also ends Medusa's session, and rejects when that fails (a missing
     * session counts as ended).
     */
    async logout(): Promise<void> {
      forget()
      if (type !== 'session') return
      try {
        await client.deleteSession()
      }
      catch (error) {
        if (!(error instanceof MedusaAuthError) || error.status !== 401) throw error
      }
    },

    /** Asks Medusa to emit a reset token; it answers the same whether or not the identifier exists. */
    resetPassword(actor: string, provider: string, body: { identifier: string, metadata?: Payload }) {
      return client.resetPassword(actor, provider, body)
    },

    /** Sets new credentials, e.g. `{ password }`, with the token of a reset link. */
    updateProvider(actor: string, provider: string, body: Payload, resetToken: string) {
      return client.updateProvider(actor, provider, body, resetToken)
    },

    /** `GET /auth/{actor}/providers`: the providers a login page can offer. */
    listProviders: client.listProviders,
  }
}

export type MedusaAuth = ReturnType<typeof createMedusaAuth>
