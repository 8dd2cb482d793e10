import { defineVitestProject } from '@nuxt/test-utils/config'
import { defineConfig } from 'vitest/config'
import { freePort } from './test/medusa/harness.mjs'

// The port is chosen before the projects load, so that the Nuxt environment's
// config (nuxt.config.ts at the root) can point at the server the global setup starts.
process.env.MEDUSA_AUTH_TEST_BACKEND_URL ||= `http://127.0.0.1:${await freePort()}`

export default defineConfig({
  test: {
    // One real Medusa server for every project.
    globalSetup: ['./test/support/global-setup.ts'],
    // Two cores: built apps and Chromium run one file at a time.
    fileParallelism: false,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      await defineVitestProject({
        test: {
          name: 'nuxt',
          include: ['test/nuxt/**/*.test.ts'],
          environment: 'nuxt',
        },
      }),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
})
