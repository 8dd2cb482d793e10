import { ofetch } from 'ofetch'
import type { FetchOptions } from 'ofetch'
import { MedusaAuthError } from './errors'
import { decodeToken } from './token'
import type { MedusaAuthClaims } from './token'

export type MedusaAuthType = 'jwt' | 'session'

/** The second-factor challenge that Medusa opens for an identity with MFA enabled. */
export interface MfaChallenge {
  id: string
  /** e.g. `['totp', 'recovery_code']` */
  methods: string[]
  expires_at?: string
  [field: string]: unknown
}

/** Medusa asks for a second factor before the login counts. */
export interface MfaRequired {
  mfa_required: true
  mfa_challenge: MfaChallenge
  token: string
}

/** Medusa asks for the email or phone to be verified before the login counts. */
export interface VerificationRequired {
  verification_required: true
  /** The verification already requested, if any. */
  verification?: Record<string, unknown>
  token: string
}

/** What `POST /auth/{actor}/{method}` gives: a token, a third-party redirect, or a further step. */
export type LoginAnswer
  = | { token: string, claims: MedusaAuthClaims }
    | { location: string }
    | MfaRequired
    | VerificationRequired

export interface AuthClientOptions {
  baseUrl: string
  publishableKey?: string
  type: MedusaAuthType
  /** The token to send as `Authorization: Bearer`, when there is one. */
  getToken: () => string | null
  /** Headers to send along, such as the visitor's session cookie during SSR. */
  forwardHeaders?: Record<string, string>
}

/** Requests made through the module: Medusa's base URL, the publishable key and the credentials are added. */
export type MedusaAuthFetch = <T = unknown>(path: string, options?: FetchOptions<'json'>) => Promise<T>

/** Medusa's answer is awaited this long before the request counts as failed. */
export const REQUEST_TIMEOUT_MS = 15_000

const STATUS_TYPES: Record<number, string> = {
  400: 'invalid_data',
  401: 'unauthorized',
  403: 'not_allowed',
  404: 'not_found',
  409: 'duplicate_error',
  422: 'duplicate_error',
}

const NAME_PATTERN = /^[\w-]{1,64}$/

/** Actor types and provider ids become path segments, so only plain names pass. */
export function assertName(kind: 'actor' | 'provider', value: unknown): asserts value is string {
  if (typeof value !== 'string' || !NAME_PATTERN.test(value)) {
    throw new MedusaAuthError(`The ${kind} must be a name such as "customer" or "emailpass", not ${JSON.stringify(value) ?? String(value)}.`, {
      status: 0,
      type: 'invalid_data',
    })
  }
}

/** JSON without `__proto__` keys, or `undefined` when `text` is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value))
  }
  catch {
    return undefined
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The value of a JSON answer (`undefined` when it is empty); anything else is an `invalid_response`. */
export function readJsonAnswer(path: string, text: string): unknown {
  if (text === '') return undefined
  const parsed = parseJson(text)
  if (parsed === undefined) throw invalidResponse(path, 'something that is not JSON')
  return parsed
}

function invalidResponse(path: string, detail: string): MedusaAuthError {
  return new MedusaAuthError(`Medusa answered ${path} with ${detail}.`, { status: 200, type: 'invalid_response' })
}

/** Turns a failed fetch into a MedusaAuthError that says whether Medusa answered at all. */
export function toMedusaAuthError(error: unknown, baseUrl: string): MedusaAuthError {
  if (error instanceof MedusaAuthError) return error
  const failure = error as { response?: Response, data?: unknown, name?: string, cause?: unknown }
  const response = failure?.response
  if (!response) {
    const timedOut = failure?.name === 'TimeoutError' || (failure?.cause as { name?: string })?.name === 'TimeoutError'
    const message = timedOut
      ? `The Medusa server at ${baseUrl} did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`
      : `Could not reach the Medusa server at ${baseUrl}.`
    return new MedusaAuthError(message, { status: 0, type: 'network_error', cause: error })
  }
  const body = typeof failure.data === 'string' ? parseJson(failure.data) : failure.data
  const message = isRecord(body) && typeof body.message === 'string' && body.message.trim()
    ? body.message.trim()
    : `Medusa answered ${response.status} ${response.statusText}`.trim()
  const type = isRecord(body) && typeof body.type === 'string'
    ? body.type
    : STATUS_TYPES[response.status] ?? 'unknown_error'
  return new MedusaAuthError(message, { status: response.status, type })
}

/**
 * The auth routes of one Medusa server, as the official JS SDK calls them.
 * It keeps no state: the token to send comes from `getToken`, and every
 * answer is checked before it is returned.
 */
export function createAuthClient({ baseUrl, publishableKey, type, getToken, forwardHeaders = {} }: AuthClientOptions) {
  const base = ofetch.create({
    baseURL: baseUrl,
    retry: false,
    timeout: REQUEST_TIMEOUT_MS,
    credentials: type === 'session' ? 'include' : 'same-origin',
    onRequest({ options }) {
      const headers = new Headers(options.headers)
      if (publishableKey && !headers.has('x-publishable-api-key')) headers.set('x-publishable-api-key', publishableKey)
      const token = getToken()
      if (token && !headers.has('authorization')) headers.set('authorization', `Bearer ${token}`)
      for (const [name, value] of Object.entries(forwardHeaders)) {
        if (!headers.has(name)) headers.set(name, value)
      }
      options.headers = headers
    },
  })

  /**
   * Medusa answers with JSON: unless the caller asks for another
   * `responseType`, an answer that is not JSON is an `invalid_response`.
   */
  const fetch: MedusaAuthFetch = async (path, options) => {
    const json = !options?.responseType || options.responseType === 'json'
    let answer: unknown
    try {
      answer = await base(path, (json ? { ...options, responseType: 'text' } : options) as FetchOptions<'json'>)
    }
    catch (error) {
      throw toMedusaAuthError(error, baseUrl)
    }
    return (json ? readJsonAnswer(path, answer as string) : answer) as never
  }

  /** Sends one auth request and gives its body: parsed JSON, or the text when it is not JSON. */
  async function send(path: string, options: FetchOptions<'text'>): Promise<unknown> {
    let text: string
    try {
      text = await base(path, { ...options, responseType: 'text' })
    }
    catch (error) {
      throw toMedusaAuthError(error, baseUrl)
    }
    if (text === '') return undefined
    const parsed = parseJson(text)
    return parsed === undefined ? text : parsed
  }

  function readToken(path: string, body: unknown): { token: string, claims: MedusaAuthClaims } {
    if (!isRecord(body) || body.token === undefined) throw invalidResponse(path, 'no token')
    if ('location' in body) throw invalidResponse(path, 'both a token and a location')
    if (body.mfa_required === true || body.verification_required === true) throw invalidResponse(path, 'a further login step where a token was due')
    const claims = decodeToken(body.token)
    if (!claims) throw invalidResponse(path, 'a token that is not a Medusa JWT')
    return { token: body.token as string, claims }
  }

  function readLoginAnswer(path: string, body: unknown): LoginAnswer {
    if (isRecord(body) && typeof body.token === 'string') {
      if (body.mfa_required === true) {
        const challenge = body.mfa_challenge
        if (!isRecord(challenge) || typeof challenge.id !== 'string') throw invalidResponse(path, 'an MFA answer without a challenge')
        return { mfa_required: true, mfa_challenge: challenge as MfaChallenge, token: body.token }
      }
      if (body.verification_required === true) {
        const verification = isRecord(body.verification) ? body.verification : undefined
        return { verification_required: true, verification, token: body.token }
      }
    }
    if (isRecord(body) && 'location' in body && !('token' in body)) {
      if (typeof body.location !== 'string' || !body.location) throw invalidResponse(path, 'a location that is not a URL')
      return { location: body.location }
    }
    return readToken(path, body)
  }

  const route = (actor: string, provider: string, action?: string) => {
    assertName('actor', actor)
    assertName('provider', provider)
    return `/auth/${actor}/${provider}${action ? `/${action}` : ''}`
  }

  return {
    fetch,

    async login(actor: string, provider: string, payload: Record<string, unknown> = {}) {
      const path = route(actor, provider)
      return readLoginAnswer(path, await send(path, { method: 'POST', body: payload }))
    },

    /** `POST /auth/token/refresh` can also answer with a further step. */
    async refreshToLoginAnswer(token: string) {
      const path = '/auth/token/refresh'
      return readLoginAnswer(path, await send(path, { method: 'POST', headers: { authorization: `Bearer ${token}` } }))
    },

    async verifyMfaChallenge(challengeId: string, body: { method: string, code: string }, partialToken: string) {
      assertName('provider', body.method)
      const path = `/auth/mfa/challenges/${encodeURIComponent(challengeId)}/verify`
      return readToken(path, await send(path, { method: 'POST', body, headers: { authorization: `Bearer ${partialToken}` } }))
    },

    async requestVerification(body: { entity_id: string, entity_type: string }, partialToken: string) {
      const path = '/auth/verification/request'
      const answer = await send(path, { method: 'POST', body, headers: { authorization: `Bearer ${partialToken}` } })
      return isRecord(answer) && isRecord(answer.verification) ? answer.verification : undefined
    },

    async confirmVerification(body: { code: string, code_provider?: string }) {
      await send('/auth/verification/confirm', { method: 'POST', body })
    },

    async register(actor: string, provider: string, payload: Record<string, unknown>) {
      const path = route(actor, provider, 'register')
      return readToken(path, await send(path, { method: 'POST', body: payload }))
    },

    async callback(actor: string, provider: string, query: Record<string, unknown>) {
      const path = route(actor, provider, 'callback')
      return readToken(path, await send(path, { method: 'GET', query }))
    },

    /** With the Bearer from `getToken`, or with the session cookie in session mode. */
    async refresh() {
      const path = '/auth/token/refresh'
      return readToken(path, await send(path, { method: 'POST' }))
    },

    async createSession(token: string) {
      await send('/auth/session', { method: 'POST', headers: { authorization: `Bearer ${token}` } })
    },

    async deleteSession() {
      await send('/auth/session', { method: 'DELETE' })
    },

    async resetPassword(actor: string, provider: string, body: { identifier: string, metadata?: Record<string, unknown> }) {
      await send(route(actor, provider, 'reset-password'), { method: 'POST', body })
    },

    async updateProvider(actor: string, provider: string, body: Record<string, unknown>, resetToken: string) {
      await send(route(actor, provider, 'update'), {
        method: 'POST',
        body,
        headers: { authorization: `Bearer ${resetToken}` },
      })
    },

    async listProviders(actor: string) {
      assertName('actor', actor)
      const path = `/auth/${actor}/providers`
      const body = await send(path, { method: 'GET' })
      if (!isRecord(body) || !Array.isArray(body.providers)) throw invalidResponse(path, 'no list of providers')
      return body.providers as Array<{ id: string, identifier: string, display_name: string, flow: string }>
    },
  }
}

export type AuthClient = ReturnType<typeof createAuthClient>
