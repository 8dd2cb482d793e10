// `npm run dev`: the real Medusa backend on :9000, then the playground on :3000.
import { spawn } from 'node:child_process'
import { demoAdmin, demoCustomer, startDemoBackend } from '../test/medusa/demo.mjs'

const port = Number(process.env.MEDUSA_PORT || 9000)
console.log(`[medusa] preparing the demo backend on port ${port} (the first run installs and migrates it)`)
const backend = await startDemoBackend({
  port,
  log: line => process.env.MEDUSA_LOG && console.log(`[medusa] ${line}`),
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
  },
})

let stopping = false
async function stop(code = 0) {
  if (stopping) return
  stopping = true
  playground.kill('SIGTERM')
  await backend.stop()
  process.exit(code)
}
process.on('SIGINT', () => stop())
process.on('SIGTERM', () => stop())
playground.on('exit', code => stop(code ?? 0))
