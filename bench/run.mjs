// `npm run bench`: what medusa-auth costs, measured in one run against a real
// Medusa server and headless Chromium, and printed as a Markdown table.
//
// 1. Client JavaScript of a page that does nothing else: the bench apps
//    without the module, with Pinia alone, and with medusa-auth (gzip bytes),
//    beside the JS SDK's login path bundled alone for the browser.
// 2. Requests to Medusa, counted in Chromium.
// 3. SSR throughput of the guarded account page, with and without the module.
// 4. Login latency in Chromium, the module against the JS SDK.
import { spawn, execFileSync } from 'node:child_process'
import { gzipSync } from 'node:zlib'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { build } from 'esbuild'
import { chromium } from 'playwright-core'
import { createBackendDatabase, createCustomer, ensureInstalled, freePort, startBackend } from '../test/medusa/harness.mjs'
import { chromiumLaunchOptions } from '../test/support/browser.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const apps = {
  playground: `${root}playground`,
  bare: `${root}bench/apps/bare`,
  pinia: `${root}bench/apps/pinia`,
  medusaAuth: `${root}bench/apps/medusa-auth`,
}
const customer = { email: 'bench@medusa-auth.test', password: 'bench-password-1', first_name: 'Bench', last_name: 'Mark' }
const THROUGHPUT_ROUNDS = 3
const THROUGHPUT_SECONDS = 5
const LOGIN_RUNS = 11

// `npm run bench -- sizes requests`: only those parts; all four without arguments.
const PARTS = ['sizes', 'requests', 'throughput', 'latency']
const asked = process.argv.slice(2)
for (const part of asked) if (!PARTS.includes(part)) throw new Error(`unknown part ${part}: use ${PARTS.join(', ')}`)
const wants = part => !asked.length || asked.includes(part)

const log = message => process.stderr.write(`[bench] ${message}\n`)
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const kB = bytes => `${(bytes / 1024).toFixed(2)} kB`

// ---------------------------------------------------------------- servers

function buildApp(dir) {
  log(`building ${dir.slice(root.length)}`)
  execFileSync('npx', ['nuxi', 'build', dir], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
}

/** Starts a built app's production server; gives its URL and a stop function. */
async function serve(dir, env) {
  const port = await freePort()
  const child = spawn('node', [`${dir}/.output/server/index.mjs`], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', ...env },
    stdio: 'ignore',
  })
  const url = `http://127.0.0.1:${port}`
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await fetch(url).then(() => true, () => false)) break
    await new Promise(resolve => setTimeout(resolve, 100))
  }
  return { url, stop: () => child.kill() }
}

// ---------------------------------------------------------------- 1. sizes

/** The gzip bytes of every script the browser loads for `url`. */
async function scriptBytes(browser, url) {
  const page = await browser.newPage()
  const scripts = []
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.push(response.body().then(body => gzipSync(body, { level: 9 }).length))
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  const sizes = await Promise.all(scripts)
  await page.close()
  return sizes.reduce((sum, size) => sum + size, 0)
}

/** The JS SDK's login path, bundled alone and minified for the browser. */
async function sdkLoginBytes() {
  const result = await build({
    stdin: {
      contents: `import Medusa from '@medusajs/js-sdk'
        const sdk = new Medusa({ baseUrl: 'https://api.shop.example', auth: { type: 'jwt' } })
        export const login = (email, password) => sdk.auth.login('customer', 'emailpass', { email, password })`,
      resolveDir: root,
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  })
  return gzipSync(result.outputFiles[0].contents, { level: 9 }).length
}

// ---------------------------------------------------------------- 2. requests

function countMedusaRequests(page, medusaUrl) {
  const seen = []
  page.on('request', (request) => {
    if (request.url().startsWith(medusaUrl)) seen.push(`${request.method()} ${new URL(request.url()).pathname}`)
  })
  return seen
}

async function logInThroughForm(page, appUrl, redirect) {
  await page.goto(`${appUrl}/login?redirect=${redirect}`, { waitUntil: 'networkidle' })
  await page.fill('input[type=email]', customer.email)
  await page.fill('input[type=password]', customer.password)
}

async function countRequests(browser, jwtApp, sessionApp, medusaUrl) {
  const counts = {}
  for (const [name, app] of [['jwt login', jwtApp], ['session login', sessionApp]]) {
    const context = await browser.newContext()
    const page = await context.newPage()
    await logInThroughForm(page, app.url, '/profile')
    const seen = countMedusaRequests(page, medusaUrl)
    await page.click('button[type=submit]')
    await page.waitForURL(`${app.url}/profile`)
    await page.waitForLoadState('networkidle')
    counts[name] = seen.length

    if (app === jwtApp) {
      await page.goto(`${app.url}/account`, { waitUntil: 'networkidle' })
      seen.length = 0
      await page.click('text=Profile')
      await page.waitForURL(`${app.url}/profile`)
      await page.waitForLoadState('networkidle')
      counts['navigation between guarded pages'] = seen.length
      await page.goto(`${app.url}/account`, { waitUntil: 'networkidle' })
      counts['hydration of a logged-in page'] = seen.length
    }
    await context.close()
  }
  return counts
}

// ---------------------------------------------------------------- 3. throughput

function requestsPerSecond(url, cookie) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections: 10, duration: THROUGHPUT_SECONDS, headers: { cookie } }, (error, result) => {
      if (error) return reject(error)
      if (result.non2xx || result.errors) return reject(new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`))
      resolve(result.requests.average)
    })
  })
}

// ---------------------------------------------------------------- 4. login latency

async function loginLatency(browser, url, loginPath, accountPath) {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.goto(`${url}${loginPath}`, { waitUntil: 'networkidle' })
  await page.fill('input[type=email]', customer.email)
  await page.fill('input[type=password]', customer.password)
  const started = performance.now()
  await page.click('button[type=submit]')
  await page.waitForURL(`${url}${accountPath}`)
  await page.locator('[data-test=email]').waitFor()
  const elapsed = performance.now() - started
  await context.close()
  return elapsed
}

// ---------------------------------------------------------------- the run

const check = ok => (ok ? 'met' : '**missed**')

async function measureSizes(browser, servers) {
  log('measuring client JavaScript')
  const bare = await scriptBytes(browser, servers.bare.url)
  const withPinia = await scriptBytes(browser, servers.pinia.url)
  const withModule = await scriptBytes(browser, servers.medusaAuth.url)
  const sdk = await sdkLoginBytes()
  const own = withModule - withPinia
  const added = withModule - bare
  return `### 1. Client JavaScript of a page that does nothing else (gzip -9)

| | bytes | goal |
|---|---|---|
| bare Nuxt app (bench/apps/bare) | ${kB(bare)} | |
| + Pinia alone (bench/apps/pinia) | +${kB(withPinia - bare)} | |
| + medusa-auth's own code (bench/apps/medusa-auth) | **+${kB(own)}** | under 3 kB: ${check(own < 3 * 1024)} |
| medusa-auth with Pinia and all it pulls in | **+${kB(added)}** | under 6 kB: ${check(added < 6 * 1024)} |
| the JS SDK's login path, bundled alone | ${kB(sdk)} | |
`
}

async function measureRequests(browser, servers, medusaUrl) {
  log('counting requests')
  const requests = await countRequests(browser, servers.jwt, servers.session, medusaUrl)
  const row = (name, goal) => `| ${name} | ${requests[name]} | ${goal}: ${check(requests[name] === goal)} |`
  return `### 2. Requests to Medusa, counted in Chromium

| | requests | goal |
|---|---|---|
${row('jwt login', 1)}
${row('session login', 2)}
${row('navigation between guarded pages', 0)}
${row('hydration of a logged-in page', 0)}
`
}

async function measureThroughput(servers, token) {
  log(`measuring SSR throughput (${THROUGHPUT_ROUNDS} alternating rounds of ${THROUGHPUT_SECONDS} s each)`)
  const cookie = `medusa_auth_token=${token}`
  const module = []
  const bare = []
  await requestsPerSecond(`${servers.jwt.url}/account`, cookie) // warm-up
  await requestsPerSecond(`${servers.bare.url}/account`, cookie)
  for (let round = 0; round < THROUGHPUT_ROUNDS; round++) {
    module.push(await requestsPerSecond(`${servers.jwt.url}/account`, cookie))
    bare.push(await requestsPerSecond(`${servers.bare.url}/account`, cookie))
  }
  const ratio = median(module) / median(bare)
  return `### 3. SSR throughput of the guarded account page, logged in (autocannon, 10 connections, median of ${THROUGHPUT_ROUNDS} alternating ${THROUGHPUT_SECONDS} s rounds)

| | requests/s |
|---|---|
| without the module (bench/apps/bare) | ${median(bare).toFixed(1)} |
| with medusa-auth (the playground) | ${median(module).toFixed(1)} |
| ratio | **${ratio.toFixed(2)}** (goal at least 0.9: ${check(ratio >= 0.9)}) |
`
}

async function measureLatency(browser, servers) {
  log(`measuring login latency (${LOGIN_RUNS} alternating runs)`)
  const module = []
  const sdk = []
  for (let run = 0; run < LOGIN_RUNS; run++) {
    module.push(await loginLatency(browser, servers.jwt.url, '/login?redirect=/account', '/account'))
    sdk.push(await loginLatency(browser, servers.bare.url, '/sdk-login', '/sdk-account'))
  }
  return `### 4. Login latency in Chromium, click to the account page's email (median of ${LOGIN_RUNS} alternating runs)

| | ms |
|---|---|
| the official JS SDK (bench/apps/bare /sdk-login) | ${median(sdk).toFixed(0)} |
| medusa-auth (the playground /login) | ${median(module).toFixed(0)} |
| ratio | **${(median(module) / median(sdk)).toFixed(2)}** |
`
}

ensureInstalled()
const database = 'medusa_auth_bench'
await createBackendDatabase(database)
const medusa = await startBackend(database, { port: await freePort(), host: '127.0.0.1', log: () => undefined })
await createCustomer(medusa, customer)
const token = await fetch(`${medusa.url}/auth/customer/emailpass`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: customer.email, password: customer.password }),
}).then(response => response.json()).then(body => body.token)

const needsPlayground = wants('requests') || wants('throughput') || wants('latency')
const needsBare = wants('sizes') || wants('throughput') || wants('latency')
for (const [name, dir] of Object.entries(apps)) {
  const needed = name === 'playground' ? needsPlayground : name === 'bare' ? needsBare : wants('sizes')
  if (needed) buildApp(dir)
}

const medusaEnv = {
  NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL: medusa.url,
  NUXT_PUBLIC_MEDUSA_AUTH_PUBLISHABLE_KEY: medusa.publishableKey,
  NUXT_PUBLIC_MEDUSA_URL: medusa.url,
  NUXT_PUBLIC_PUBLISHABLE_KEY: medusa.publishableKey,
}
const servers = {}
if (needsPlayground) servers.jwt = await serve(apps.playground, medusaEnv)
if (wants('requests')) servers.session = await serve(apps.playground, { ...medusaEnv, NUXT_PUBLIC_MEDUSA_AUTH_TYPE: 'session' })
if (needsBare) servers.bare = await serve(apps.bare, medusaEnv)
if (wants('sizes')) {
  servers.pinia = await serve(apps.pinia, medusaEnv)
  servers.medusaAuth = await serve(apps.medusaAuth, medusaEnv)
}
const browser = await chromium.launch(chromiumLaunchOptions)

try {
  const sections = [
    `## medusa-auth benchmarks\n\n${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium ${browser.version()}, Medusa 2.21.2.\n`,
  ]
  if (wants('sizes')) sections.push(await measureSizes(browser, servers))
  if (wants('requests')) sections.push(await measureRequests(browser, servers, medusa.url))
  if (wants('throughput')) sections.push(await measureThroughput(servers, token))
  if (wants('latency')) sections.push(await measureLatency(browser, servers))
  console.log(sections.join('\n'))
}
finally {
  await browser.close()
  for (const server of Object.values(servers)) server.stop()
  await medusa.stop()
}
