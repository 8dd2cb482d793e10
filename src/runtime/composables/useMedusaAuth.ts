import { useNuxtApp } from '#app'
import { storeToRefs } from 'pinia'
import type { MedusaAuthPlugin } from '../plugins/medusa-auth'
import { useMedusaAuthStore } from '../stores/medusaAuth'

/** The visitor's auth state, reactive, and the `$medusaAuth` methods beside it. */
export function useMedusaAuth() {
  const nuxtApp = useNuxtApp()
  const medusaAuth = nuxtApp.$medusaAuth as MedusaAuthPlugin
  const store = useMedusaAuthStore(nuxtApp.$pinia as never)
  const { token, claims, status, pendingStep, isAuthenticated, actorType, actorId } = storeToRefs(store)

  return {
    token,
    claims,
    status,
    pendingStep,
    isAuthenticated,
    actorType,
    actorId,
    ...medusaAuth,
  }
}
