import { defineNuxtRouteMiddleware, useNuxtApp } from '#app'
import type { MedusaAuthPlugin } from '../plugins/medusa-auth'
import { guardRoute } from './guard-route'

/** Guards pages that carry `medusaAuth` meta, and every page when `globalMiddleware` is on. */
export default defineNuxtRouteMiddleware((to) => {
  const { config } = useNuxtApp().$medusaAuth as MedusaAuthPlugin
  if (to.meta.medusaAuth === undefined && !config.globalMiddleware) return
  return guardRoute(to, config.globalMiddleware)
})
