// A page rendered for a logged-in visitor is that visitor's alone: no shared
// cache may keep it. Server only, so that h3 stays out of the browser's entry.
import { appendResponseHeader, setResponseHeader } from 'h3'
import { defineNuxtPlugin, useRequestEvent } from '#app'
import { useMedusaAuthStore } from '../stores/medusaAuth'

export default defineNuxtPlugin({
  name: 'medusa-auth:private-pages',
  dependsOn: ['medusa-auth'],
  setup(nuxtApp) {
    const event = useRequestEvent()
    const store = useMedusaAuthStore(nuxtApp.$pinia as never)
    if (event && store.status !== 'unauthenticated') {
      setResponseHeader(event, 'cache-control', 'private, no-store')
      appendResponseHeader(event, 'vary', 'cookie')
    }
  },
})
