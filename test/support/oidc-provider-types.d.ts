// The little of oidc-provider's API that the tests use; the package ships no types.
declare module 'oidc-provider' {
  import type { Server } from 'node:http'

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    listen(port: number, host: string): Server
  }
}
