// The official JS SDK beside the module, as the README's recipe builds it:
// one client per request on the server and one per tab in the browser, made
// on first use (so pages that never call it neither build nor download it),
// sharing one login with `$medusaAuth`.
import Medusa from '@medusajs/js-sdk'
import type { NuxtApp } from '#app'

const clients = new WeakMap<NuxtApp, Medusa>()

export function useSdk(): Medusa {
  const nuxtApp = useNuxtApp()
  let sdk = clients.get(nuxtApp)
  if (!sdk) {
    sdk = new Medusa(useMedusaSdkConfig())
    clients.set(nuxtApp, sdk)
  }
  return sdk
}
