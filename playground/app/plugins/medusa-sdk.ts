// The official JS SDK beside the module, as the README's recipe builds it:
// one client per request on the server, one per tab in the browser, and one
// login shared with `$medusaAuth`.
import Medusa from '@medusajs/js-sdk'

export default defineNuxtPlugin({
  name: 'medusa-sdk',
  dependsOn: ['medusa-auth'],
  setup() {
    return { provide: { sdk: new Medusa(useMedusaSdkConfig()) } }
  },
})
