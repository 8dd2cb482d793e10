// The app without the module: the same pages, doing by hand what a
// storefront without an auth module does (a token cookie read during SSR,
// or Medusa's JS SDK in the browser).
export default defineNuxtConfig({
  devtools: { enabled: false },
  runtimeConfig: {
    public: { medusaUrl: 'http://localhost:9000', publishableKey: '' },
  },
  // Nuxt 3 (3.12+) reads the app/ layout and the Nuxt 4 defaults from this; Nuxt 4 already has them.
  future: { compatibilityVersion: 4 },
  compatibilityDate: '2025-07-15',
})
