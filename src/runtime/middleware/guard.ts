// The guard's decision as a pure function: where a visitor goes, or nowhere.
import type { MedusaAuthPageMeta, MedusaAuthPageRule } from './page-meta'

export interface GuardRoutes {
  login: string
  home: string
  callback: string
  mfa: string
  verification: string
}

export interface GuardInput {
  meta: MedusaAuthPageMeta | undefined
  /** Whether a page without `medusaAuth` meta is guarded (named middleware, or the global option). */
  guardedByDefault: boolean
  path: string
  fullPath: string
  visitor: { isAuthenticated: boolean, actorType: string | null }
  routes: GuardRoutes
  defaultActor: string
}

function samePath(a: string, b: string): boolean {
  const trim = (path: string) => (path.length > 1 ? path.replace(/\/+$/, '') : path)
  return trim(a.split(/[?#]/, 1)[0]!) === trim(b)
}

function isWithin(path: string, route: string): boolean {
  return samePath(path, route) || path.startsWith(`${route.replace(/\/+$/, '')}/`)
}

function ruleOf(meta: MedusaAuthPageMeta | undefined, guardedByDefault: boolean): MedusaAuthPageRule | null {
  if (meta === false) return null
  if (meta === true) return {}
  if (meta && typeof meta === 'object') return meta
  return guardedByDefault ? {} : null
}

/** Where the guard sends a visitor; `redirect` is the page asked for, to come back to. */
export interface GuardRedirect {
  path: string
  query?: { redirect: string }
}

/**
 * Gives the route to send the visitor to, or `null` to let the navigation
 * through. The login, callback, MFA and verification routes are never
 * guarded, and a visitor is never sent to the page being asked for: at most
 * one hop, never a loop.
 */
export function resolveGuardRedirect(input: GuardInput): GuardRedirect | null {
  const rule = ruleOf(input.meta, input.guardedByDefault)
  if (!rule) return null
  const { routes, visitor, path } = input

  const actor = rule.actor ?? input.defaultActor
  const isActor = visitor.isAuthenticated && visitor.actorType === actor

  // A login page of one actor stays open to another: an admin may log in as a customer.
  if (rule.guestOnly) {
    return isActor && !samePath(routes.home, path) ? { path: routes.home } : null
  }

  const unguarded = [routes.login, routes.mfa, routes.verification]
  if (unguarded.some(route => samePath(path, route)) || isWithin(path, routes.callback)) return null

  if (isActor) return null

  const target = rule.redirectTo ?? routes.login
  if (samePath(target, path)) return null
  return { path: target, query: { redirect: input.fullPath } }
}
