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
  ])('refuses %j', (config, message) => {
    expect(() => resolveMedusaAuthConfig(config)).toThrowError(message)
  })
})
