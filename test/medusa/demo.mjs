// The playground's own Medusa: a lasting database with demo accounts.
import { createBackendDatabase, createCustomer, ensureRegion, startBackend } from './harness.mjs'

export const demoDatabase = 'medusa_auth_playground'

export const demoCustomer = {
  email: 'customer@medusa-auth.test',
  password: 'supersecret',
  first_name: 'Demo',
  last_name: 'Customer',
}

export const demoAdmin = { email: 'admin@medusa-auth.test', password: 'supersecret' }

/**
 * Prepares the demo database once (later runs keep its data) and starts Medusa on `port`;
 * `env` reaches Medusa (e.g. the OIDC_* of a local OpenID provider).
 */
export async function startDemoBackend({ port = 9000, log, env } = {}) {
  await createBackendDatabase(demoDatabase, { admin: demoAdmin, fresh: false })
  const backend = await startBackend(demoDatabase, { port, log, env })
  await createCustomer(backend, demoCustomer)
  await ensureRegion(backend, demoAdmin)
  return backend
}
