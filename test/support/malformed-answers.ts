// Answers a real Medusa server never gives, injected by the fault proxy in
// place of its answer: what the module must survive.
import type { FaultAnswer } from './fault-proxy'

const json = (status: number, body: unknown): FaultAnswer => ({ status, body: JSON.stringify(body) })
const typed = (status: number, contentType: string, body: string, headers: Record<string, string> = {}): FaultAnswer =>
  ({ status, body, headers: { 'content-type': contentType, ...headers } })

const base64Url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
/** Three parts that decode, but whose claims are not a Medusa token's. */
const tokenWithoutClaims = `${base64Url({ alg: 'HS256' })}.${base64Url({ sub: 'x' })}.c2ln`
/** A token whose claims would pass: only where it comes from makes it wrong. */
export const forgedToken = `${base64Url({ alg: 'HS256', typ: 'JWT' })}.${base64Url({
  actor_id: 'cus_forged', actor_type: 'customer', auth_identity_id: 'authid_forged', auth_provider: 'emailpass', exp: 4102444800,
})}.Zm9yZ2Vk`

/** Each: a name for the report, and the answer. `slow`: the client must wait for its own timeout. */
export const malformedAnswers: Array<{ name: string, answer: FaultAnswer, slow?: boolean }> = [
  { name: 'an empty 200 body', answer: typed(200, 'application/json', '') },
  { name: 'HTML instead of JSON', answer: typed(200, 'text/html', '<!doctype html><h1>Welcome</h1>') },
  { name: 'JSON that does not parse', answer: typed(200, 'application/json', '{"token": "eyJ') },
  { name: '{}', answer: json(200, {}) },
  { name: 'null', answer: json(200, null) },
  { name: 'an array', answer: json(200, [{ token: forgedToken }]) },
  { name: 'a number for the token', answer: json(200, { token: 42 }) },
  { name: 'a two-part token', answer: json(200, { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0' }) },
  { name: 'a token without Medusa\'s claims', answer: json(200, { token: tokenWithoutClaims }) },
  { name: 'a token and a location together', answer: json(200, { token: forgedToken, location: 'https://evil.example/' }) },
  { name: 'the token under __proto__', answer: typed(200, 'application/json', `{"__proto__": {"token": "${forgedToken}"}}`) },
  { name: 'the token under constructor.prototype', answer: json(200, { constructor: { prototype: { token: forgedToken } } }) },
  { name: 'MFA without a challenge', answer: json(200, { mfa_required: true, token: forgedToken }) },
  { name: 'an empty location', answer: json(200, { location: '' }) },
  { name: 'a location that is an object', answer: json(200, { location: { href: 'https://evil.example/' } }) },
  { name: '204 No Content', answer: { status: 204 } },
  { name: '400 without JSON', answer: typed(400, 'text/plain', 'Bad Request') },
  { name: '401 with an HTML page', answer: typed(401, 'text/html', '<html><body>Sign in</body></html>') },
  { name: '403 with an empty body', answer: typed(403, 'application/json', '') },
  { name: '404 with an HTML page', answer: typed(404, 'text/html', '<html><body>Not Found</body></html>') },
  { name: '429 Too Many Requests', answer: typed(429, 'text/plain', 'Too Many Requests', { 'retry-after': '30' }) },
  { name: '500 with Medusa\'s error JSON', answer: json(500, { type: 'unknown_error', message: 'An unknown error occurred.' }) },
  { name: '502 from a gateway', answer: typed(502, 'text/html', '<html><body>Bad Gateway</body></html>') },
  { name: '503 with an empty body', answer: typed(503, 'text/plain', '') },
  { name: 'a connection reset before the answer', answer: 'reset' },
  { name: 'a connection reset mid-body', answer: 'reset-mid-body' },
  { name: 'a 5 MB body', answer: json(200, { token: 'x'.repeat(5 * 1024 * 1024) }) },
  { name: 'a 5 MB HTML error page', answer: typed(500, 'text/html', `<html>${'x'.repeat(5 * 1024 * 1024)}</html>`) },
  { name: 'no answer until the timeout', answer: 'hang', slow: true },
]
