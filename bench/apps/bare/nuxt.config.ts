// The app without the module: the same pages, doing by hand what a
// storefront without an auth module does (a token cookie read during SSR,
// or Medusa's JS SDK in the browser).
export default defineNuxtConfig({
  devtools: { enabled: false },
  runtimeConfig: {
    public: { medusaUrl: 'http://localhost:9000', publishableKey: '' },
  },
  compatibilityDate: '2025-07-15',
})
