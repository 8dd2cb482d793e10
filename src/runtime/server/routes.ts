// httpOnly mode: the module's server routes under /api/_medusa-auth. They
// make the auth requests to Medusa on the browser's behalf, keep every token
// in httpOnly cookies, and answer with the claims alone (see
// ../core/server-routes-client.ts, their only caller). `/proxy/<path>` is how
// `$medusaAuth.fetch` reaches Medusa with the token attached.
import {
  createError,
  defineEventHandler,
  getQuery,
  getRequestHeader,
  getRequestHost,
  getRequestURL,
  readBody,
  readRawBody,
  sendNoContent,
  setResponseHeader,
  setResponseStatus,
} from 'h3'
import type { H3Event } from 'h3'
import { ofetch } from 'ofetch'
import { useRuntimeConfig } from '#imports'
import { resolveMedusaAuthConfig } from '../config'
import type { MedusaAuthPublicConfig } from '../config'
import { createAuthClient, isRecord, REQUEST_TIMEOUT_MS, toMedusaAuthError } from '../core/client'
import type { AuthClient, LoginAnswer } from '../core/client'
import { MedusaAuthError } from '../core/errors'
import { SERVER_ROUTES_PREFIX } from '../core/server-routes-client'
import type { ServerRouteAnswer } from '../core/server-routes-client'
import type { TokenStorage } from '../core/storage'
import { decodeToken } from '../core/token'
import { createHttpOnlyTokenCookies } from './cookies'
import type { PendingTokenCookie } from './cookies'

interface RouteContext {
  event: H3Event
  config: MedusaAuthPublicConfig
  client: AuthClient
  cookies: { token: TokenStorage, pending: PendingTokenCookie }
}

type Route = (context: RouteContext) => Promise<ServerRouteAnswer | Record<string, unknown> | undefined>

function badRequest(message: string): MedusaAuthError {
  return new MedusaAuthError(message, { status: 400, type: 'invalid_data' })
}

async function readRecord(event: H3Event): Promise<Record<string, unknown>> {
  const body = await readBody(event).catch(() => undefined)
  if (!isRecord(body)) throw badRequest('The body must be a JSON object.')
  return body
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (value === undefined) return {}
  if (!isRecord(value)) throw badRequest(`\`${field}\` must be an object.`)
  return value
}

function pendingToken({ cookies }: RouteContext): string {
  const token = cookies.pending.get()
  if (!token) throw new MedusaAuthError('No login is waiting for this step: log in first.', { status: 401, type: 'unauthorized' })
  return token
}

/** Keeps the token (or a further step's partial token) in its cookie and answers without it. */
function keep({ cookies }: RouteContext, answer: LoginAnswer): ServerRouteAnswer {
  if ('location' in answer) return { location: answer.location }
  if ('mfa_required' in answer || 'verification_required' in answer) {
    if (cookies.token.get()) cookies.token.remove()
    cookies.pending.set(answer.token)
    return 'mfa_required' in answer
      ? { mfa_required: true, mfa_challenge: answer.mfa_challenge }
      : { verification_required: true, verification: answer.verification }
  }
  if (cookies.pending.get()) cookies.pending.remove()
  cookies.token.set(answer.token, answer.claims)
  return { claims: answer.claims }
}

const routes: Record<string, Route> = {
  async '/login'(context) {
    const { actor, provider, payload } = await readRecord(context.event)
    return keep(context, await context.client.login(actor as string, provider as string, record(payload, 'payload')))
  },

  async '/register'(context) {
    const { actor, provider, payload } = await readRecord(context.event)
    return keep(context, await context.client.register(actor as string, provider as string, record(payload, 'payload')))
  },

  async '/callback'(context) {
    const { actor, provider, query } = await readRecord(context.event)
    return keep(context, await context.client.callback(actor as string, provider as string, record(query, 'query')))
  },

  async '/refresh'(context) {
    if (!context.cookies.token.get()) {
      throw new MedusaAuthError('Not logged in.', { status: 401, type: 'unauthorized' })
    }
    try {
      return keep(context, await context.client.refresh())
    }
    catch (error) {
      if (error instanceof MedusaAuthError && error.status === 401) context.cookies.token.remove()
      throw error
    }
  },

  async '/logout'({ cookies }) {
    cookies.token.remove()
    cookies.pending.remove()
    return undefined
  },

  async '/mfa/verify'(context) {
    const { challenge_id, method, code } = await readRecord(context.event)
    if (typeof challenge_id !== 'string' || typeof method !== 'string' || typeof code !== 'string') {
      throw badRequest('`challenge_id`, `method` and `code` must be strings.')
    }
    return keep(context, await context.client.verifyMfaChallenge(challenge_id, { method, code }, pendingToken(context)))
  },

  async '/verification/request'(context) {
    const { entity_id, entity_type } = await readRecord(context.event)
    if (typeof entity_id !== 'string' || typeof entity_type !== 'string') {
      throw badRequest('`entity_id` and `entity_type` must be strings.')
    }
    const verification = await context.client.requestVerification({ entity_id, entity_type }, pendingToken(context))
    return { verification }
  },

  async '/verification/confirm'(context) {
    const { code } = await readRecord(context.event)
    if (typeof code !== 'string') throw badRequest('`code` must be a string.')
    pendingToken(context)
    await context.client.confirmVerification({ code })
    return undefined
  },

  async '/verification/complete'(context) {
    return keep(context, await context.client.refreshToLoginAnswer(pendingToken(context)))
  },
}

/**
 * The Medusa path of a proxied request, or an error. Medusa's own `/auth`
 * routes answer with tokens, so they are never reachable this way; Express
 * matches paths without regard to case, and so does this check.
 */
function proxiedPath(rest: string): string {
  let decoded: string
  try {
    decoded = decodeURIComponent(rest)
  }
  catch {
    throw badRequest('The proxied path is not valid percent-encoding.')
  }
  if (!decoded.startsWith('/') || /[\\\s]|\/\/|(?:^|\/)\.\.?(?:\/|$)/.test(decoded)) {
    throw badRequest('The proxied path must be a plain Medusa path such as /store/customers/me.')
  }
  if (/^\/auth(?:\/|$)/i.test(decoded)) {
    throw new MedusaAuthError('Medusa\'s /auth routes are not reachable through the proxy; use $medusaAuth\'s methods.', { status: 403, type: 'not_allowed' })
  }
  return rest
}

async function proxy(context: RouteContext, rest: string) {
  const { event, config, cookies } = context
  const path = proxiedPath(rest)
  const method = event.method
  const headers: Record<string, string> = { accept: getRequestHeader(event, 'accept') ?? 'application/json' }
  const contentType = getRequestHeader(event, 'content-type')
  if (contentType) headers['content-type'] = contentType
  if (config.publishableKey) headers['x-publishable-api-key'] = config.publishableKey
  const token = cookies.token.get()
  if (token && decodeToken(token)) headers.authorization = `Bearer ${token}`

  let response
  try {
    response = await ofetch.raw<string, 'text'>(path, {
      baseURL: config.baseUrl,
      method,
      query: getQuery(event),
      body: method === 'GET' || method === 'HEAD' ? undefined : await readRawBody(event),
      headers,
      responseType: 'text',
      retry: false,
      timeout: REQUEST_TIMEOUT_MS,
      ignoreResponseError: true,
    })
  }
  catch (error) {
    throw toMedusaAuthError(error, config.baseUrl)
  }
  setResponseStatus(event, response.status)
  const answerType = response.headers.get('content-type')
  if (answerType) setResponseHeader(event, 'content-type', answerType)
  return response._data ?? ''
}

/** Medusa's status; otherwise 502 when Medusa failed us, 400 when the request was bad. */
function statusFor(failure: MedusaAuthError): number {
  if (failure.status >= 400) return failure.status
  return failure.type === 'network_error' || failure.type === 'invalid_response' ? 502 : 400
}

/** A state-changing request from another site is refused: these routes act on the visitor's cookies. */
function assertSameOrigin(event: H3Event) {
  if (event.method === 'GET' || event.method === 'HEAD') return
  const origin = getRequestHeader(event, 'origin')
  if (!origin) return
  let host: string
  try {
    host = new URL(origin).host
  }
  catch {
    host = ''
  }
  if (host !== getRequestHost(event)) {
    throw new MedusaAuthError('Requests from another site are refused.', { status: 403, type: 'not_allowed' })
  }
}

export default defineEventHandler(async (event) => {
  const config = resolveMedusaAuthConfig(useRuntimeConfig(event).public.medusaAuth)
  if (config.storage !== 'httpOnly') throw createError({ statusCode: 404, statusMessage: 'Not Found' })

  const route = getRequestURL(event).pathname.slice(SERVER_ROUTES_PREFIX.length)
  const cookies = createHttpOnlyTokenCookies(event, config.storageKey)
  const client = createAuthClient({
    baseUrl: config.baseUrl,
    publishableKey: config.publishableKey,
    type: 'jwt',
    getToken: () => cookies.token.get(),
  })
  const context: RouteContext = { event, config, client, cookies }

  try {
    assertSameOrigin(event)
    setResponseHeader(event, 'cache-control', 'no-store')
    if (route.startsWith('/proxy/')) return await proxy(context, route.slice('/proxy'.length))
    const handle = Object.hasOwn(routes, route) ? routes[route] : undefined
    if (!handle) throw new MedusaAuthError(`No such route: ${SERVER_ROUTES_PREFIX}${route}.`, { status: 404, type: 'not_found' })
    if (event.method !== 'POST') throw new MedusaAuthError('Use POST.', { status: 405, type: 'not_allowed' })
    const answer = await handle(context)
    if (answer === undefined) return sendNoContent(event)
    return answer
  }
  catch (error) {
    // Medusa's own error shape, so the browser's client reads it as it reads Medusa's.
    const failure = toMedusaAuthError(error, config.baseUrl)
    setResponseStatus(event, statusFor(failure))
    return { type: failure.type, message: failure.message }
  }
})
