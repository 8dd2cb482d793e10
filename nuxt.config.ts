// Loads the local module for the tests that run inside the Nuxt environment.
// Under vitest, MEDUSA_AUTH_TEST_BACKEND_URL is the real Medusa server that
// the global setup starts (vitest.config.ts chooses its port).
export default defineNuxtConfig({
  modules: ['./src/module'],
  // A one-page app for the tests to run in.
  srcDir: 'test/nuxt/app',
  // Nuxt 3 (3.12+) reads the app/ layout and the Nuxt 4 defaults from this; Nuxt 4 already has them.
  future: { compatibilityVersion: 4 },
  compatibilityDate: '2025-07-15',
  medusaAuth: {
    baseUrl: process.env.MEDUSA_AUTH_TEST_BACKEND_URL || 'http://localhost:9000',
  },
})
