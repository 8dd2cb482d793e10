// Starts one real Medusa server for the whole test run, on a free port and
// with a database of its own. If it cannot start, the run fails and says why.
import {
  createBackendDatabase,
  createCustomer,
  freePort,
  startBackend,
} from '../medusa/harness.mjs'
import { admin, alice, bob } from './accounts'
import { BACKEND_ENV } from './backend'
import type { TestBackend } from './backend'

const DATABASE = 'medusa_auth_test'

export default async function setup() {
  await createBackendDatabase(DATABASE, { admin })
  const planned = process.env.MEDUSA_AUTH_TEST_BACKEND_URL
  const port = planned ? Number(new URL(planned).port) : await freePort()
  const backend = await startBackend(DATABASE, { port, host: '127.0.0.1' })
  await createCustomer(backend, alice)
  await createCustomer(backend, bob)

  const shared: TestBackend = { url: backend.url, publishableKey: backend.publishableKey }
  process.env[BACKEND_ENV] = JSON.stringify(shared)

  return () => backend.stop()
}
