import Medusa from '@medusajs/js-sdk'

let sdk: Medusa | undefined

/** One official JS SDK client in the browser, with its default jwt auth (token in localStorage). */
export function useMedusaSdk(): Medusa {
  const { medusaUrl, publishableKey } = useRuntimeConfig().public
  sdk ??= new Medusa({ baseUrl: medusaUrl, publishableKey, auth: { type: 'jwt' } })
  return sdk
}
