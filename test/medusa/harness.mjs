// Installs, prepares and starts the real Medusa server that medusa-auth's
// tests and playground talk to. Plain Node, so every script can use it.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const backendDir = dirname(fileURLToPath(import.meta.url))
const medusaBin = join(backendDir, 'node_modules', '.bin', 'medusa')

/** The PostgreSQL server to use, without a database name. */
export const serverDatabaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432'

export function databaseUrlFor(databaseName) {
  const url = new URL(serverDatabaseUrl)
  url.pathname = `/${databaseName}`
  return url.toString()
}

/** Installs the backend's packages once; later calls find them in place. */
export function ensureInstalled() {
  if (existsSync(join(backendDir, 'node_modules', '@medusajs', 'medusa', 'package.json'))) return
  console.log('[medusa] installing the backend packages (1 to 2 minutes, once)')
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: backendDir })
}

function run(command, args, options) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options })
  if (result.status !== 0) {
    throw new Error(`[medusa] \`${command} ${args.join(' ')}\` failed with exit code ${result.status}`)
  }
}

function medusaEnv(databaseName, extra = {}) {
  return {
    ...process.env,
    DATABASE_URL: databaseUrlFor(databaseName),
    // Over plain http a production server never sets its session cookie.
    NODE_ENV: 'development',
    MEDUSA_DISABLE_TELEMETRY: 'true',
    ...extra,
  }
}

async function withPostgres(databaseName, work) {
  const require = createRequire(join(backendDir, 'package.json'))
  const { Client } = require('pg')
  const client = new Client({ connectionString: databaseUrlFor(databaseName) })
  try {
    await client.connect()
  }
  catch (error) {
    throw new Error(`[medusa] cannot reach PostgreSQL at ${serverDatabaseUrl} (set DATABASE_URL): ${error.message}`)
  }
  try {
    return await work(client)
  }
  finally {
    await client.end()
  }
}

/**
 * Creates `databaseName` (dropping it first when `fresh`), migrates it and
 * creates the admin user.
 * @param {string} databaseName
 * @param {{ admin?: { email: string, password: string }, fresh?: boolean }} [options]
 */
export async function createBackendDatabase(databaseName, { admin, fresh = true } = {}) {
  ensureInstalled()
  const exists = await withPostgres('postgres', async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [databaseName])
    if (rowCount && fresh) await client.query(`drop database "${databaseName}" with (force)`)
    if (!rowCount || fresh) await client.query(`create database "${databaseName}"`)
    return rowCount > 0 && !fresh
  })

  const env = medusaEnv(databaseName)
  run('node', [medusaBin, 'db:migrate'], { cwd: backendDir, env, stdio: 'ignore' })
  if (admin && !exists) {
    run('node', [medusaBin, 'user', '-e', admin.email, '-p', admin.password], { cwd: backendDir, env, stdio: 'ignore' })
  }
}

/** @returns {Promise<number>} a port that was free a moment ago */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Starts `medusa start` on `port` and resolves once `/health` answers.
 * `host` only names the server in its URL: cookies are scoped by host, so
 * an app on 127.0.0.1 needs Medusa on 127.0.0.1 too.
 * The server's output goes to `log` (a function taking a line) or is kept
 * and shown when it fails to start.
 * @param {string} databaseName
 * @param {{ port: number, host?: string, env?: Record<string, string>, log?: (line: string) => void }} options
 * @returns {Promise<{ url: string, port: number, publishableKey: string, stop: () => Promise<void> }>} the running server
 */
export async function startBackend(databaseName, { port, host = 'localhost', env = {}, log }) {
  const url = `http://${host}:${port}`
  const output = []
  const child = spawn('node', [medusaBin, 'start', '--port', String(port)], {
    cwd: backendDir,
    env: medusaEnv(databaseName, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const keep = (chunk) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line) continue
      if (log) log(line)
      output.push(line)
      if (output.length > 200) output.shift()
    }
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)

  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break
    try {
      const response = await fetch(`${url}/health`)
      if (response.ok) break
    }
    catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 250))
  }
  if (child.exitCode !== null || Date.now() >= deadline) {
    child.kill('SIGKILL')
    throw new Error(`[medusa] the server did not start on port ${port}:\n${output.slice(-40).join('\n')}`)
  }

  const publishableKey = await withPostgres(databaseName, async (client) => {
    const { rows } = await client.query(
      `select token from api_key where type = 'publishable' and revoked_at is null order by created_at limit 1`,
    )
    return rows[0]?.token
  })
  if (!publishableKey) throw new Error('[medusa] the server created no publishable API key')

  return {
    url,
    port,
    publishableKey,
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
      setTimeout(() => child.kill('SIGKILL'), 5000).unref()
    }),
  }
}

/**
 * Registers an emailpass identity and creates its customer, as a storefront does.
 * @param {{ url: string, publishableKey: string }} backend
 * @param {{ email: string, password: string, first_name?: string, last_name?: string }} customer
 */
export async function createCustomer(backend, { email, password, first_name, last_name }) {
  const post = async (path, body, headers = {}) => {
    const response = await fetch(`${backend.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
    const answer = await response.json().catch(() => ({}))
    return { status: response.status, answer }
  }

  const registered = await post('/auth/customer/emailpass/register', { email, password })
  if (registered.status !== 200) {
    // An identity that already exists (a second setup of the playground) is fine.
    if (/already exists/i.test(registered.answer.message ?? '')) return
    throw new Error(`[medusa] register ${email}: ${registered.status} ${registered.answer.message}`)
  }
  const created = await post('/store/customers', { email, first_name, last_name }, {
    'authorization': `Bearer ${registered.answer.token}`,
    'x-publishable-api-key': backend.publishableKey,
  })
  if (created.status !== 200) {
    throw new Error(`[medusa] create customer ${email}: ${created.status} ${created.answer.message}`)
  }
}

/**
 * Gives the store a region, which Medusa needs before it creates a cart
 * (`POST /store/carts` answers "No regions found" without one). Kept when
 * one exists already.
 * @param {{ url: string }} backend
 * @param {{ email: string, password: string }} admin an admin user
 */
export async function ensureRegion(backend, admin) {
  const call = async (path, init = {}) => {
    const response = await fetch(`${backend.url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...init.headers },
    })
    const answer = await response.json().catch(() => ({}))
    if (!response.ok) throw new Error(`[medusa] ${init.method ?? 'GET'} ${path}: ${response.status} ${answer.message}`)
    return answer
  }
  const { token } = await call('/auth/user/emailpass', { method: 'POST', body: JSON.stringify(admin) })
  const authorization = { authorization: `Bearer ${token}` }
  const { regions } = await call('/admin/regions', { headers: authorization })
  if (regions.length) return
  await call('/admin/regions', {
    method: 'POST',
    headers: authorization,
    body: JSON.stringify({ name: 'Europe', currency_code: 'eur', countries: ['de', 'fr'] }),
  })
}
