// `npm run dev`: the real Medusa backend on :9000, then the playground on :3000.
import { spawn } from 'node:child_process'
import { demoAdmin, demoCustomer, startDemoBackend } from '../test/medusa/demo.mjs'
import { OIDC_CLIENT, startOidcProvider } from '../test/medusa/oidc-provider.mjs'

const port = Number(process.env.MEDUSA_PORT || 9000)
// A local OpenID provider stands in for Google or GitHub: the login page's "Continue with" button.
const oidc = await startOidcProvider(Number(process.env.OIDC_PORT || 9010))
console.log(`[oidc] a local OpenID provider at ${oidc.issuer}: any login name, any password`)
console.log(`[medusa] preparing the demo backend on port ${port} (the first run installs and migrates it)`)
const backend = await startDemoBackend({
  port,
  log: line => process.env.MEDUSA_LOG && console.log(`[medusa] ${line}`),
  env: { OIDC_ISSUER: oidc.issuer, OIDC_CLIENT_ID: OIDC_CLIENT.id, OIDC_CLIENT_SECRET: OIDC_CLIENT.secret },
})
console.log(`[medusa] ready at ${backend.url}`)
console.log(`[medusa] demo customer: ${demoCustomer.email} / ${demoCustomer.password}`)
console.log(`[medusa] demo admin user: ${demoAdmin.email} / ${demoAdmin.password}`)

const playground = spawn('npx', ['nuxi', 'dev', 'playground', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: {
    ...process.env,
    NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL: backend.url,
    NUXT_PUBLIC_MEDUSA_AUTH_PUBLISHABLE_KEY: backend.publishableKey,
    // The local provider is on a loopback host, which must be listed to be a login's destination.
    NUXT_PUBLIC_MEDUSA_AUTH_ALLOWED_REDIRECT_HOSTS: process.env.NUXT_PUBLIC_MEDUSA_AUTH_ALLOWED_REDIRECT_HOSTS || '127.0.0.1',
  },
})

let stopping = false
async function stop(code = 0) {
  if (stopping) return
  stopping = true
  playground.kill('SIGTERM')
  await backend.stop()
  await oidc.stop()
  process.exit(code)
}
process.on('SIGINT', () => stop())
process.on('SIGTERM', () => stop())
playground.on('exit', code => stop(code ?? 0))
