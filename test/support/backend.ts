import { appendFileSync, mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The environment variable through which the global setup hands its server to the tests. */
export const BACKEND_ENV = 'MEDUSA_AUTH_TEST_BACKEND'

export interface TestBackend {
  url: string
  publishableKey: string
  /** JSON lines of the auth events Medusa emitted: reset tokens, verification codes. */
  eventsFile: string
  /** The local OpenID provider that Medusa's `oidc` auth provider uses. */
  oidcIssuer: string
  databaseUrl: string
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

/** Waits for the newest event `name` for `entityId` that Medusa emitted, and gives its data. */
export async function waitForAuthEvent(backend: TestBackend, name: string, entityId: string): Promise<Record<string, unknown>> {
  const { readFileSync, existsSync } = await import('node:fs')
  for (let attempt = 0; attempt < 100; attempt++) {
    if (existsSync(backend.eventsFile)) {
      const events = readFileSync(backend.eventsFile, 'utf8').trim().split('\n').filter(Boolean)
        .map(line => JSON.parse(line) as { name: string, data: Record<string, unknown> })
        .filter(event => event.name === name && event.data.entity_id === entityId)
      if (events.length) return events.at(-1)!.data
    }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  throw new Error(`Medusa emitted no ${name} for ${entityId}`)
}

/** Prints a measured figure and keeps it in test/.tmp/figures.txt, which .ci/run shows at the end. */
export async function reportFigure(line: string) {
  const { appendFileSync } = await import('node:fs')
  const { fileURLToPath } = await import('node:url')
  appendFileSync(fileURLToPath(new URL('../.tmp/figures.txt', import.meta.url)), `${line}\n`)
  process.stdout.write(`${line}\n`)
}

/** A function that appends lines to test/.tmp/output/`name`.log, which the secret scan reads after the run. */
export function outputLog(name: string): (line: string) => void {
  const directory = fileURLToPath(new URL('../.tmp/output', import.meta.url))
  mkdirSync(directory, { recursive: true })
  const file = `${directory}/${name}.log`
  return line => appendFileSync(file, `${line}\n`)
}
