import { useNuxtApp } from '#app'
import { storeToRefs } from 'pinia'
import type { MedusaAuth } from '../core/auth'
import { useMedusaAuthStore } from '../stores/medusaAuth'

/** The visitor's auth state, reactive, and the `$medusaAuth` methods beside it. */
export function useMedusaAuth() {
  const nuxtApp = useNuxtApp()
  const medusaAuth = nuxtApp.$medusaAuth as MedusaAuth
  const store = useMedusaAuthStore(nuxtApp.$pinia as never)
  const { token, claims, status, isAuthenticated, actorType, actorId } = storeToRefs(store)

  return {
    token,
    claims,
    status,
    isAuthenticated,
    actorType,
    actorId,
    ...medusaAuth,
  }
}
