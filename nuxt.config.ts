// Loads the local module for the tests that run inside the Nuxt environment.
export default defineNuxtConfig({
  modules: ['./src/module'],
  compatibilityDate: '2025-07-15',
  medusaAuth: {
    baseUrl: 'http://localhost:9000',
  },
})
