// Starts one real Medusa server for the whole test run, on a free port and
// with a database of its own. If it cannot start, the run fails and says why.
import {
  createBackendDatabase,
  createCustomer,
  ensureRegion,
  databaseUrlFor,
  freePort,
  startBackend,
} from '../medusa/harness.mjs'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { admin, alice, bob } from './accounts'
import { BACKEND_ENV, outputLog } from './backend'
import type { TestBackend } from './backend'
import { OIDC_CLIENT, startOidcProvider } from './oidc-provider'

// Two runs at once (say, Nuxt 3 and Nuxt 4) need a database each.
const DATABASE = process.env.MEDUSA_AUTH_TEST_DATABASE || 'medusa_auth_test'

export default async function setup() {
  const scratch = join(import.meta.dirname, '../.tmp')
  mkdirSync(scratch, { recursive: true })
  const eventsFile = join(scratch, 'medusa-auth-events.jsonl')
  rmSync(eventsFile, { force: true })
  rmSync(join(scratch, 'figures.txt'), { force: true })

  const oidc = await startOidcProvider(await freePort())
  await createBackendDatabase(DATABASE, { admin })
  const planned = process.env.MEDUSA_AUTH_TEST_BACKEND_URL
  const port = planned ? Number(new URL(planned).port) : await freePort()
  const backend = await startBackend(DATABASE, {
    port,
    host: '127.0.0.1',
    log: outputLog('medusa'),
    env: {
      MEDUSA_AUTH_EVENTS_FILE: eventsFile,
      OIDC_ISSUER: oidc.issuer,
      OIDC_CLIENT_ID: OIDC_CLIENT.id,
      OIDC_CLIENT_SECRET: OIDC_CLIENT.secret,
    },
  })
  await createCustomer(backend, alice)
  await createCustomer(backend, bob)
  await ensureRegion(backend, admin)

  const shared: TestBackend = {
    url: backend.url,
    publishableKey: backend.publishableKey,
    eventsFile,
    oidcIssuer: oidc.issuer,
    databaseUrl: databaseUrlFor(DATABASE),
  }
  process.env[BACKEND_ENV] = JSON.stringify(shared)

  return async () => {
    await backend.stop()
    await oidc.stop()
  }
}
