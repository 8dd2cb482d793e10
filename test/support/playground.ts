import { fileURLToPath } from 'node:url'
import { setup } from '@nuxt/test-utils/e2e'
import type { TestBackend } from './backend'
import { chromiumLaunchOptions } from './browser'

/** Builds the playground and serves it (production server) against `backend`, with Chromium at hand. */
export function setupPlayground(backend: TestBackend, env: Record<string, string> = {}) {
  return setup({
    rootDir: fileURLToPath(new URL('../../playground', import.meta.url)),
    browser: true,
    browserOptions: { type: 'chromium', launch: chromiumLaunchOptions },
    env: {
      NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL: backend.url,
      NUXT_PUBLIC_MEDUSA_AUTH_PUBLISHABLE_KEY: backend.publishableKey,
      ...env,
    },
  })
}
