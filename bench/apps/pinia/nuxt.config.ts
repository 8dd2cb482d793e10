// The bare app with Pinia alone: what the module's store library costs by itself.
export default defineNuxtConfig({
  extends: ['../bare'],
  modules: ['@pinia/nuxt'],
})
