import { describe, expect, it } from 'vitest'
import { resolveMedusaAuthConfig } from '../../src/runtime/config'
import { MedusaAuthError } from '../../src/runtime/core/errors'

describe('resolveMedusaAuthConfig', () => {
  it('fills in the defaults and trims the base URL', () => {
    expect(resolveMedusaAuthConfig({ baseUrl: ' https://api.shop.example/ ' })).toEqual({
      baseUrl: 'https://api.shop.example',
      publishableKey: '',
      type: 'jwt',
      storage: 'cookie',
      storageKey: 'medusa_auth_token',
      defaultActor: 'customer',
      loginRoute: '/login',
      homeRoute: '/',
      callbackRoute: '/auth/callback',
      mfaRoute: '/login/mfa',
      verificationRoute: '/login/verify',
      globalMiddleware: false,
      allowedRedirectHosts: ['api.shop.example', 'accounts.google.com', 'github.com'],
      createCustomerOnCallback: true,
      expiryMargin: 60,
      autoRefresh: false,
      sessionCookieName: 'connect.sid',
      cartCookie: '',
    })
  })

  it('reads lists and flags as environment variables give them', () => {
    const config = resolveMedusaAuthConfig({
      baseUrl: 'http://localhost:9000',
      allowedRedirectHosts: ' 127.0.0.1, accounts.google.com ,',
      globalMiddleware: 'true',
      createCustomerOnCallback: 'false',
      loginRoute: '/sign-in/',
      cartCookie: ' medusa_cart_id ',
    })
    expect(config).toMatchObject({
      allowedRedirectHosts: ['127.0.0.1', 'accounts.google.com'],
      globalMiddleware: true,
      createCustomerOnCallback: false,
      loginRoute: '/sign-in',
      cartCookie: 'medusa_cart_id',
    })
  })

  it('names the option and the environment variable when the base URL is missing', () => {
    for (const config of [undefined, {}, { baseUrl: '' }, { baseUrl: '   ' }]) {
      const failure = (() => {
        try {
          resolveMedusaAuthConfig(config)
        }
        catch (error) {
          return error
        }
      })()
      expect(failure).toBeInstanceOf(MedusaAuthError)
      expect(failure).toMatchObject({ type: 'configuration_error', status: 0 })
      expect((failure as Error).message).toContain('medusaAuth.baseUrl')
      expect((failure as Error).message).toContain('NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL')
    }
  })

  it.each([
    [{ baseUrl: 'not a url' }, 'is not a URL'],
    [{ baseUrl: 'javascript:alert(1)' }, 'http or https'],
    [{ baseUrl: 'http://x', type: 'cookie' }, 'NUXT_PUBLIC_MEDUSA_AUTH_TYPE'],
    [{ baseUrl: 'http://x', storage: 'indexeddb' }, 'NUXT_PUBLIC_MEDUSA_AUTH_STORAGE'],
    [{ baseUrl: 'http://x', storageKey: 'a;b=c' }, 'NUXT_PUBLIC_MEDUSA_AUTH_STORAGE_KEY'],
    [{ baseUrl: 'http://x', loginRoute: '//evil.example' }, 'medusaAuth.loginRoute'],
    [{ baseUrl: 'http://x', homeRoute: 'https://evil.example' }, 'medusaAuth.homeRoute'],
    [{ baseUrl: 'http://x', defaultActor: '../user' }, 'medusaAuth.defaultActor'],
    [{ baseUrl: 'http://x', expiryMargin: 'soon' }, 'NUXT_PUBLIC_MEDUSA_AUTH_EXPIRY_MARGIN'],
    [{ baseUrl: 'http://x', type: 'session', storage: 'httpOnly' }, 'cannot be combined with `type: \'session\'`'],
    [{ baseUrl: 'http://x', sessionCookieName: 'a b' }, 'NUXT_PUBLIC_MEDUSA_AUTH_SESSION_COOKIE_NAME'],
    [{ baseUrl: 'http://x', cartCookie: 'cart;id' }, 'NUXT_PUBLIC_MEDUSA_AUTH_CART_COOKIE'],
  ])('refuses %j', (config, message) => {
    expect(() => resolveMedusaAuthConfig(config)).toThrowError(message)
  })
})
