import { useAsyncData, useNuxtApp } from '#app'
import type { MedusaAuthPlugin } from '../plugins/medusa-auth'

/** The providers Medusa offers an actor (`GET /auth/{actor}/providers`), for a login page's buttons. */
export function useMedusaAuthProviders(actor?: string) {
  const medusaAuth = useNuxtApp().$medusaAuth as MedusaAuthPlugin
  const actorType = actor ?? medusaAuth.config.defaultActor
  return useAsyncData(`medusa-auth:providers:${actorType}`, () => medusaAuth.listProviders(actorType), {
    default: () => [],
  })
}
