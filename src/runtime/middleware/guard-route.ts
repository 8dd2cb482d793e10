// The guard that both middleware run: who may see `to`, and where else to go.
import { navigateTo, useNuxtApp } from '#app'
import type { RouteLocationNormalized } from 'vue-router'
import type { MedusaAuthPlugin } from '../plugins/medusa-auth'
import { useMedusaAuthStore } from '../stores/medusaAuth'
import { resolveGuardRedirect } from './guard'
import type { MedusaAuthPageMeta } from './page-meta'

/** Runs the guard for `to`; shared by the named and the page-meta middleware. */
export function guardRoute(to: RouteLocationNormalized, guardedByDefault: boolean) {
  const nuxtApp = useNuxtApp()
  const { config } = nuxtApp.$medusaAuth as MedusaAuthPlugin
  const store = useMedusaAuthStore(nuxtApp.$pinia as never)

  // The server knows the visitor from a token cookie, or from a session it could check;
  // otherwise the browser decides.
  if (import.meta.server) {
    const serverKnows = (config.type === 'jwt' && (config.storage === 'cookie' || config.storage === 'httpOnly')) || store.isAuthenticated
    if (!serverKnows) return
  }

  const target = resolveGuardRedirect({
    meta: to.meta.medusaAuth as MedusaAuthPageMeta | undefined,
    guardedByDefault,
    path: to.path,
    fullPath: to.fullPath,
    visitor: { isAuthenticated: store.isAuthenticated, actorType: store.actorType },
    routes: {
      login: config.loginRoute,
      home: config.homeRoute,
      callback: config.callbackRoute,
      mfa: config.mfaRoute,
      verification: config.verificationRoute,
    },
    defaultActor: config.defaultActor,
  })
  if (target) return navigateTo(target)
}
