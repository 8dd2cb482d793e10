// `npm pack` gives a package that a separate Nuxt app installs with
// `modules: ['medusa-auth']` and uses, here against the real Medusa server.
import { execFileSync, spawn } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { $fetch, setup, useTestContext } from '@nuxt/test-utils/e2e'
import { describe, expect, it } from 'vitest'
import { alice } from '../support/accounts'
import { loginDirectly, useTestBackend } from '../support/backend'
import { keepServerLogs } from '../support/playground'
import { freePort } from '../medusa/harness.mjs'

const repository = fileURLToPath(new URL('../..', import.meta.url))
// Inside the repository, so that nuxt and the module's dependencies resolve from its node_modules.
const consumer = join(repository, 'test/.tmp/consumer')
const backend = useTestBackend()

function packModule() {
  rmSync(consumer, { recursive: true, force: true })
  mkdirSync(join(consumer, 'node_modules/medusa-auth'), { recursive: true })
  mkdirSync(join(consumer, 'app/pages'), { recursive: true })

  // What `prepack` does, run first so that `npm pack --json` prints only JSON.
  execFileSync('npx', ['nuxt-module-build', 'build'], { cwd: repository, stdio: 'ignore' })
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', consumer], {
    cwd: repository,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  })) as Array<{ filename: string, files: Array<{ path: string }> }>
  execFileSync('tar', ['-xzf', join(consumer, packed!.filename), '-C', join(consumer, 'node_modules/medusa-auth'), '--strip-components=1'])

  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  writeFileSync(join(consumer, 'nuxt.config.ts'), `export default defineNuxtConfig({
  modules: ['medusa-auth'],
  compatibilityDate: '2025-07-15',
  future: { compatibilityVersion: 4 },
  medusaAuth: { storage: 'cookie' },
})
`)
  writeFileSync(join(consumer, 'app/pages/index.vue'), `<script setup lang="ts">
const { isAuthenticated, actorType } = useMedusaAuth()
const store = useMedusaAuthStore()
const { $medusaAuth } = useNuxtApp()
const { data } = await useAsyncData('me', () => isAuthenticated.value
  ? $medusaAuth.fetch<{ customer: { email: string } }>('/store/customers/me')
  : Promise.resolve(null))
</script>

<template>
  <p>{{ store.status }} {{ actorType }} {{ data?.customer.email }} {{ typeof MedusaAuthError }}</p>
</template>
`)
  return packed!.files.map(file => file.path)
}

const files = packModule()

await setup({
  rootDir: consumer,
  env: {
    NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL: backend.url,
    NUXT_PUBLIC_MEDUSA_AUTH_PUBLISHABLE_KEY: backend.publishableKey,
  },
})
keepServerLogs()

describe('the packed module in a separate app', () => {
  it('ships the built module and its runtime, and nothing of the repository besides', () => {
    expect(files).toContain('dist/module.mjs')
    expect(files).toContain('dist/types.d.mts')
    expect(files).toContain('dist/runtime/plugins/medusa-auth.js')
    expect(files.filter(file => !file.startsWith('dist/') && !['package.json', 'README.md', 'LICENSE'].includes(file))).toEqual([])
  })

  it('renders the logged-in customer on the server', async () => {
    const html = await $fetch<string>('/', {
      headers: { cookie: `medusa_auth_token=${await loginDirectly(backend, 'customer', alice)}` },
    })
    expect(html).toContain(`authenticated customer ${alice.email} function`)
  })

  it('renders a visitor without a token as logged out', async () => {
    expect(await $fetch<string>('/')).toContain('unauthenticated  ')
  })

  it('fails at run time without a base URL, naming the option and the environment variable', async () => {
    const output = useTestContext().nuxt!.options.nitro.output!.dir!
    const port = await freePort()
    const server = spawn('node', [join(output, 'server/index.mjs')], {
      env: { ...process.env, PORT: String(port), NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let logged = ''
    const keep = (chunk: Buffer) => {
      logged += chunk
    }
    server.stdout.on('data', keep)
    server.stderr.on('data', keep)
    try {
      let response: Response | undefined
      for (let attempt = 0; attempt < 100 && !response; attempt++) {
        response = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined)
        if (!response) await new Promise(resolve => setTimeout(resolve, 100))
      }
      expect(response?.status).toBe(500)
      expect(logged).toContain('`medusaAuth.baseUrl`')
      expect(logged).toContain('NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL')
    }
    finally {
      server.kill()
    }
  })
})
