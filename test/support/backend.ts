/** The environment variable through which the global setup hands its server to the tests. */
export const BACKEND_ENV = 'MEDUSA_AUTH_TEST_BACKEND'

export interface TestBackend {
  url: string
  publishableKey: string
}

/** The real Medusa server that the global setup started. */
export function useTestBackend(): TestBackend {
  const value = process.env[BACKEND_ENV]
  if (!value) throw new Error(`${BACKEND_ENV} is not set: run the tests through vitest.config.ts, whose global setup starts Medusa.`)
  return JSON.parse(value) as TestBackend
}

/** Logs in straight against Medusa, without the module, and gives the token. */
export async function loginDirectly(backend: TestBackend, actor: string, credentials: { email: string, password: string }) {
  const response = await fetch(`${backend.url}/auth/${actor}/emailpass`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: credentials.email, password: credentials.password }),
  })
  const body = await response.json() as { token?: string, message?: string }
  if (!body.token) throw new Error(`login of ${credentials.email} failed: ${response.status} ${body.message}`)
  return body.token
}
