// The playground talks to the real Medusa server that `npm run dev` starts;
// NUXT_PUBLIC_MEDUSA_AUTH_* from the environment override these values.
export default defineNuxtConfig({
  modules: ['../src/module'],
  devtools: { enabled: false },
  compatibilityDate: '2025-07-15',
  medusaAuth: {
    baseUrl: 'http://localhost:9000',
  },
})
