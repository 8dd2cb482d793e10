// httpOnly mode, browser side: the module's own server routes stand in for
// Medusa. They keep every token in httpOnly cookies and answer with the
// claims alone, so this client gives the core `token: ''` where Medusa would
// give a token.
import { ofetch } from 'ofetch'
import type { FetchOptions } from 'ofetch'
import { createAuthClient, isRecord, readJsonAnswer, REQUEST_TIMEOUT_MS, toMedusaAuthError } from './client'
import type { AuthClient, LoginAnswer, MedusaAuthFetch, MfaChallenge } from './client'
import { MedusaAuthError } from './errors'
import type { MedusaAuthClaims } from './token'

/** Where the module's server routes live on the app's own origin. */
export const SERVER_ROUTES_PREFIX = '/api/_medusa-auth'

/** What a server route answers in place of Medusa's answer: never a token. */
export type ServerRouteAnswer
  = | { claims: MedusaAuthClaims }
    | { location: string }
    | { mfa_required: true, mfa_challenge: MfaChallenge }
    | { verification_required: true, verification?: Record<string, unknown> }

function isClaims(value: unknown): value is MedusaAuthClaims {
  return isRecord(value) && typeof value.exp === 'number' && typeof value.auth_identity_id === 'string'
}

function invalidAnswer(route: string): MedusaAuthError {
  return new MedusaAuthError(`The app's server answered ${SERVER_ROUTES_PREFIX}${route} with something that is not an auth answer.`, {
    status: 200,
    type: 'invalid_response',
  })
}

/** Turns a server route's answer into what the core expects from Medusa, with the token left empty. */
function toLoginAnswer(route: string, body: unknown): LoginAnswer {
  if (isRecord(body)) {
    if (isClaims(body.claims)) return { token: '', claims: body.claims }
    if (typeof body.location === 'string' && body.location) return { location: body.location }
    if (body.mfa_required === true && isRecord(body.mfa_challenge) && typeof body.mfa_challenge.id === 'string') {
      return { mfa_required: true, mfa_challenge: body.mfa_challenge as MfaChallenge, token: '' }
    }
    if (body.verification_required === true) {
      const verification = isRecord(body.verification) ? body.verification : undefined
      return { verification_required: true, verification, token: '' }
    }
  }
  throw invalidAnswer(route)
}

function toTokenAnswer(route: string, body: unknown): { token: string, claims: MedusaAuthClaims } {
  const answer = toLoginAnswer(route, body)
  if (!('claims' in answer)) throw invalidAnswer(route)
  return answer
}

export interface ServerRoutesClientOptions {
  /** Medusa itself, for the requests that carry no credentials (password reset, providers). */
  baseUrl: string
  publishableKey?: string
}

/** The auth client of httpOnly mode in the browser; the same methods as Medusa's client. */
export function createServerRoutesClient({ baseUrl, publishableKey }: ServerRoutesClientOptions): AuthClient {
  const medusa = createAuthClient({ baseUrl, publishableKey, type: 'jwt', getToken: () => null })
  const base = ofetch.create({ baseURL: SERVER_ROUTES_PREFIX, retry: false, timeout: REQUEST_TIMEOUT_MS, credentials: 'same-origin' })

  async function post(route: string, body?: Record<string, unknown>): Promise<unknown> {
    try {
      return await base(route, { method: 'POST', body })
    }
    catch (error) {
      throw toMedusaAuthError(error, SERVER_ROUTES_PREFIX)
    }
  }

  const fetch: MedusaAuthFetch = async (path, options) => {
    if (typeof path !== 'string' || !path.startsWith('/')) {
      throw new MedusaAuthError(`A Medusa path starts with "/", not ${JSON.stringify(path)}.`, { status: 0, type: 'invalid_data' })
    }
    const json = !options?.responseType || options.responseType === 'json'
    let answer: unknown
    try {
      answer = await base(`/proxy${path}`, (json ? { ...options, responseType: 'text' } : options) as FetchOptions<'json'>)
    }
    catch (error) {
      throw toMedusaAuthError(error, SERVER_ROUTES_PREFIX)
    }
    return (json ? readJsonAnswer(path, answer as string) : answer) as never
  }

  return {
    fetch,
    login: async (actor, provider, payload = {}) => toLoginAnswer('/login', await post('/login', { actor, provider, payload })),
    register: async (actor, provider, payload) => toTokenAnswer('/register', await post('/register', { actor, provider, payload })),
    callback: async (actor, provider, query) => toTokenAnswer('/callback', await post('/callback', { actor, provider, query })),
    refresh: async () => toTokenAnswer('/refresh', await post('/refresh')),
    // The server route that gave the claims has already set the cookie.
    createSession: async () => undefined,
    deleteSession: async () => {
      await post('/logout')
    },
    verifyMfaChallenge: async (challengeId, body) =>
      toTokenAnswer('/mfa/verify', await post('/mfa/verify', { challenge_id: challengeId, ...body })),
    requestVerification: async (body) => {
      const answer = await post('/verification/request', body)
      return isRecord(answer) && isRecord(answer.verification) ? answer.verification : undefined
    },
    confirmVerification: async (body) => {
      await post('/verification/confirm', body)
    },
    refreshToLoginAnswer: async () => toLoginAnswer('/verification/complete', await post('/verification/complete')),
    resetPassword: medusa.resetPassword,
    updateProvider: medusa.updateProvider,
    listProviders: medusa.listProviders,
  }
}
