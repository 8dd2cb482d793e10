import { describe, expect, it } from 'vitest'
import { resolveGuardRedirect } from '../../src/runtime/middleware/guard'
import type { GuardInput } from '../../src/runtime/middleware/guard'

const routes = { login: '/login', home: '/', callback: '/auth/callback', mfa: '/login/mfa', verification: '/login/verify' }
const anonymous = { isAuthenticated: false, actorType: null }
const customer = { isAuthenticated: true, actorType: 'customer' }
const adminUser = { isAuthenticated: true, actorType: 'user' }

function decide(overrides: Partial<GuardInput>) {
  return resolveGuardRedirect({
    meta: undefined,
    guardedByDefault: false,
    path: '/account',
    fullPath: '/account',
    visitor: anonymous,
    routes,
    defaultActor: 'customer',
    ...overrides,
  })
}

describe('resolveGuardRedirect', () => {
  it('leaves pages without meta alone unless they are guarded by default', () => {
    expect(decide({})).toBeNull()
    expect(decide({ guardedByDefault: true })).toEqual({ path: '/login', query: { redirect: '/account' } })
  })

  it('keeps public pages public, even when every page is guarded', () => {
    expect(decide({ meta: false, guardedByDefault: true })).toBeNull()
  })

  it('sends a visitor who is not logged in to the login route with the full path', () => {
    expect(decide({ meta: true, path: '/orders/1', fullPath: '/orders/1?tab=items#top' }))
      .toEqual({ path: '/login', query: { redirect: '/orders/1?tab=items#top' } })
  })

  it('lets the right actor through and sends another actor type to login', () => {
    expect(decide({ meta: { actor: 'customer' }, visitor: customer })).toBeNull()
    expect(decide({ meta: true, visitor: adminUser })).toEqual({ path: '/login', query: { redirect: '/account' } })
    expect(decide({ meta: { actor: 'user' }, visitor: adminUser })).toBeNull()
    expect(decide({ meta: { actor: 'user' }, visitor: customer })).toEqual({ path: '/login', query: { redirect: '/account' } })
  })

  it('uses redirectTo instead of the login route', () => {
    expect(decide({ meta: { actor: 'user', redirectTo: '/admin/login' }, path: '/admin', fullPath: '/admin' }))
      .toEqual({ path: '/admin/login', query: { redirect: '/admin' } })
  })

  it('sends an authenticated visitor of a guest-only page home, and lets guests in', () => {
    expect(decide({ meta: { guestOnly: true }, path: '/login', fullPath: '/login', visitor: customer })).toEqual({ path: '/' })
    expect(decide({ meta: { guestOnly: true }, path: '/login', fullPath: '/login' })).toBeNull()
    expect(decide({ meta: { guestOnly: true }, path: '/', fullPath: '/', visitor: customer })).toBeNull()
    expect(decide({ meta: { guestOnly: true }, path: '/login', fullPath: '/login', visitor: adminUser })).toBeNull()
    expect(decide({ meta: { guestOnly: true, actor: 'user' }, path: '/admin/login', fullPath: '/admin/login', visitor: adminUser }))
      .toEqual({ path: '/' })
  })

  it('never guards the login, callback, MFA and verification routes: no loop', () => {
    for (const path of ['/login', '/login/', '/auth/callback/google', '/login/mfa', '/login/verify']) {
      expect(decide({ meta: true, guardedByDefault: true, path, fullPath: `${path}?redirect=%2Fx` }), path).toBeNull()
    }
  })

  it('never sends a visitor to the page asked for', () => {
    expect(decide({ meta: { redirectTo: '/account' } })).toBeNull()
  })
})
