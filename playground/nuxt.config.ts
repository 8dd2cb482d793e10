import { fileURLToPath } from 'node:url'

// The playground talks to the real Medusa server that `npm run dev` starts;
// NUXT_PUBLIC_MEDUSA_AUTH_* from the environment override these values.
export default defineNuxtConfig({
  modules: ['../src/module'],
  // Nuxt DevTools, with the module's Medusa auth tab, under `npm run dev`; not in the tests.
  devtools: { enabled: !process.env.VITEST },
  // Nuxt 3 (3.12+) reads the app/ layout and the Nuxt 4 defaults from this; Nuxt 4 already has them.
  future: { compatibilityVersion: 4 },
  compatibilityDate: '2025-07-15',
  nitro: {
    // The JS SDK's `qs` reaches get-intrinsic's helpers through their "module-sync" export,
    // which the server build's file tracing misses (Node 20.19+ loads it): trace it by hand.
    externals: {
      traceInclude: ['async-function', 'async-generator-function', 'generator-function']
        .map(name => fileURLToPath(new URL(`../node_modules/${name}/require.mjs`, import.meta.url))),
    },
  },
  medusaAuth: {
    baseUrl: 'http://localhost:9000',
    // The guest cart of pages/cart.vue is handed over at login and forgotten at logout.
    cartCookie: 'medusa_cart_id',
  },
})
