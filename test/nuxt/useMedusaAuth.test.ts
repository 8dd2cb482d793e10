// The store, the composable and the plugin inside the Nuxt environment,
// logging in against the real Medusa server of the global setup.
import { afterEach, describe, expect, it } from 'vitest'
import { useNuxtApp } from '#app'
import { useMedusaAuth, useMedusaAuthStore } from '#imports'
import { alice } from '../support/accounts'
import { useTestBackend } from '../support/backend'

// The key exists only once Medusa has started, after nuxt.config.ts was read.
const { publishableKey } = useTestBackend()

afterEach(async () => {
  await useNuxtApp().$medusaAuth.logout()
})

describe('useMedusaAuthStore', () => {
  it('is the Pinia store `medusa-auth`, logged out at first', () => {
    const store = useMedusaAuthStore()
    expect(store.$id).toBe('medusa-auth')
    expect(store.$state).toEqual({ token: null, claims: null, status: 'unauthenticated', pendingStep: null, expiresAt: null })
    expect(store.isAuthenticated).toBe(false)
    expect(store.actorType).toBeNull()
  })

  it('does not count an expired token as authenticated', () => {
    const store = useMedusaAuthStore()
    store.$patch({
      token: 'a.b.c',
      status: 'authenticated',
      claims: { actor_id: 'cus_1', actor_type: 'customer', auth_identity_id: 'a', auth_provider: 'emailpass', exp: 1 },
      expiresAt: 1000 - 60_000,
    })
    expect(store.isAuthenticated).toBe(false)
    expect(store.actorType).toBe('customer')
  })
})

describe('useMedusaAuth', () => {
  it('offers the whole auth surface beside the reactive state', () => {
    const auth = useMedusaAuth()
    for (const method of ['login', 'register', 'logout', 'callback', 'refresh', 'resetPassword', 'updateProvider', 'fetch']) {
      expect(typeof auth[method as keyof typeof auth], method).toBe('function')
    }
    expect(auth.status.value).toBe('unauthenticated')
  })

  it('logs in against Medusa, writes the cookie and updates every reader', async () => {
    const auth = useMedusaAuth()
    const token = await auth.login('customer', 'emailpass', { email: alice.email, password: alice.password })

    expect(typeof token).toBe('string')
    expect(auth.isAuthenticated.value).toBe(true)
    expect(auth.actorType.value).toBe('customer')
    expect(auth.token.value).toBe(token)
    expect(useMedusaAuthStore().claims?.actor_id).toMatch(/^cus_/)
    expect(document.cookie).toContain(`medusa_auth_token=${token}`)

    const { customer } = await auth.fetch<{ customer: { email: string } }>('/store/customers/me', {
      headers: { 'x-publishable-api-key': publishableKey },
    })
    expect(customer.email).toBe(alice.email)

    await auth.logout()
    expect(auth.isAuthenticated.value).toBe(false)
    expect(document.cookie).not.toMatch(/medusa_auth_token=[^;]/)
  })

  it('is the same surface as `$medusaAuth`', () => {
    expect(useMedusaAuth().login).toBe(useNuxtApp().$medusaAuth.login)
  })
})

describe('loginWith', () => {
  it('refuses a provider location off the allowlist: no navigation, no state, no remembered target', async () => {
    // Medusa's OIDC provider answers with the local OpenID provider, a loopback host this app does not list.
    const auth = useMedusaAuth()
    const router = useNuxtApp().$router
    const before = router.currentRoute.value.fullPath

    const failure = await auth.loginWith('oidc', { redirect: '/account' }).catch((error: unknown) => error)
    expect(failure).toMatchObject({ name: 'MedusaAuthError', type: 'location_not_allowed', status: 0 })
    expect((failure as Error).message).toContain('medusaAuth.allowedRedirectHosts')
    expect(auth.status.value).toBe('unauthenticated')
    expect(document.cookie).not.toContain('medusa_auth_redirect')
    expect(router.currentRoute.value.fullPath).toBe(before)
  })

  it('defaults its allowlist to Google and GitHub, leaving out a loopback Medusa', () => {
    expect(useNuxtApp().$medusaAuth.config.allowedRedirectHosts).toEqual(['accounts.google.com', 'github.com'])
  })
})

describe('runtime hooks', () => {
  it('tell the app of a login, a refresh, a logout and an error, in order', async () => {
    const nuxtApp = useNuxtApp()
    const heard: string[] = []
    const unhook = [
      nuxtApp.hook('medusa-auth:login', ({ claims }) => {
        heard.push(`login ${claims?.actor_type}`)
      }),
      nuxtApp.hook('medusa-auth:refresh', ({ claims }) => {
        heard.push(`refresh ${claims?.actor_type}`)
      }),
      nuxtApp.hook('medusa-auth:logout', () => {
        heard.push('logout')
      }),
      nuxtApp.hook('medusa-auth:error', ({ method, error }) => {
        heard.push(`error ${method} ${error.status}`)
      }),
    ]
    const auth = nuxtApp.$medusaAuth
    await auth.login('customer', 'emailpass', { email: alice.email, password: alice.password })
    await auth.refresh()
    await auth.logout()
    const failure = await auth.login('customer', 'emailpass', { email: alice.email, password: 'not-her-password' }).catch((error: unknown) => error)
    for (const remove of unhook) remove()

    expect(failure).toMatchObject({ name: 'MedusaAuthError', status: 401 })
    expect(heard).toEqual(['login customer', 'refresh customer', 'logout', 'error login 401'])
  })

  it('keep a failing hook from undoing a login or hiding Medusa\'s error', async () => {
    const nuxtApp = useNuxtApp()
    const unhook = [
      nuxtApp.hook('medusa-auth:login', () => {
        throw new Error('the app\'s hook broke')
      }),
      nuxtApp.hook('medusa-auth:error', () => {
        throw new Error('the app\'s error hook broke')
      }),
    ]
    const auth = useMedusaAuth()
    await auth.login('customer', 'emailpass', { email: alice.email, password: alice.password })
    expect(auth.isAuthenticated.value).toBe(true)
    await auth.logout()
    const failure = await auth.login('customer', 'emailpass', { email: alice.email, password: 'not-her-password' }).catch((error: unknown) => error)
    for (const remove of unhook) remove()
    expect(failure).toMatchObject({ name: 'MedusaAuthError', status: 401 })
  })
})
