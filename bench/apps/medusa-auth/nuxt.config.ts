// The bare app with medusa-auth: the module's whole cost in a page that does nothing else.
export default defineNuxtConfig({
  extends: ['../bare'],
  modules: ['../../../src/module'],
  medusaAuth: { baseUrl: 'http://localhost:9000' },
})
