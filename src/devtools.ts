// The Nuxt DevTools tab, in development only. Its page is served by the dev
// server itself (never by a built app): the checks that explain the most
// common misconfigurations run here, in Node, against the real Medusa
// server; what the visitor's tab holds (status, claims, time to expiry) the
// page reads from the app's window, where the plugin leaves a reader in dev.
import { addDevServerHandler } from '@nuxt/kit'
import type { Nuxt } from '@nuxt/schema'
import { defineEventHandler, getRequestURL, setResponseHeader } from 'h3'
import { sessionCookieWarning } from './site-check'
import { environmentVariable, resolveMedusaAuthConfig } from './runtime/config'
import type { MedusaAuthPublicConfig } from './runtime/config'

export const DEVTOOLS_ROUTE = '/__medusa-auth/devtools'

/** One line of the tab: what was checked, whether it holds, and what to do when not. */
export interface SetupCheck {
  name: string
  ok: boolean
  detail: string
}

type CheckedConfig = Pick<MedusaAuthPublicConfig, 'baseUrl' | 'publishableKey' | 'type' | 'storage' | 'defaultActor'>

const TIMEOUT_MS = 3_000

async function ask(url: string, init: RequestInit = {}): Promise<Response | Error> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) })
  }
  catch (error) {
    return error as Error
  }
}

/** Does Medusa let a browser page at `origin` send `method` to `path`, with credentials when `withCookie`? */
async function corsCheck(name: string, variable: string, url: string, method: string, origin: string, withCookie: boolean): Promise<SetupCheck> {
  const answer = await ask(url, {
    method: 'OPTIONS',
    headers: {
      'origin': origin,
      'access-control-request-method': method,
      'access-control-request-headers': 'authorization,content-type,x-publishable-api-key',
    },
  })
  if (answer instanceof Error) return { name, ok: false, detail: `Medusa did not answer: ${answer.message}` }
  const allowed = answer.headers.get('access-control-allow-origin')
  if (allowed !== origin && !(allowed === '*' && !withCookie)) {
    return { name, ok: false, detail: `Medusa does not allow ${origin}: add it to ${variable} (projectConfig.http.${variable === 'STORE_CORS' ? 'storeCors' : 'authCors'}).` }
  }
  if (withCookie && answer.headers.get('access-control-allow-credentials') !== 'true') {
    return { name, ok: false, detail: `Medusa allows ${origin} but not with cookies, which session mode needs.` }
  }
  return { name, ok: true, detail: `${origin} may call Medusa${withCookie ? ', cookies included' : ''}.` }
}

/** The checks of the tab, for the app served at `appOrigin`. */
export async function checkMedusaSetup(config: CheckedConfig, appOrigin: string): Promise<SetupCheck[]> {
  const { baseUrl } = config
  const checks: SetupCheck[] = []

  const health = await ask(`${baseUrl}/health`)
  const reachable = !(health instanceof Error)
  checks.push({
    name: 'Medusa answers',
    ok: reachable && health.ok,
    detail: reachable ? `${baseUrl}/health: ${health.status}` : `${baseUrl} cannot be reached (${health.message}): is Medusa running, and is NUXT_PUBLIC_MEDUSA_AUTH_BASE_URL right?`,
  })
  if (!reachable) return checks

  const keyed = await ask(`${baseUrl}/store/regions?limit=1`, {
    headers: config.publishableKey ? { 'x-publishable-api-key': config.publishableKey } : {},
  })
  const keyMessage = keyed instanceof Error ? keyed.message : keyed.ok ? '' : ((await keyed.json().catch(() => ({}))) as { message?: string }).message
  checks.push({
    name: 'Publishable API key',
    ok: !keyMessage,
    detail: keyMessage
      ? `Store routes refuse it: ${keyMessage} Set NUXT_PUBLIC_MEDUSA_AUTH_PUBLISHABLE_KEY.`
      : 'Store routes accept it.',
  })

  if (config.storage === 'httpOnly' && config.type === 'jwt') {
    checks.push({ name: 'CORS', ok: true, detail: 'Not needed: in httpOnly mode the browser talks to the app\'s own server routes only.' })
    return checks
  }
  const withCookie = config.type === 'session'
  checks.push(await corsCheck('CORS of the auth routes', 'AUTH_CORS', `${baseUrl}/auth/${config.defaultActor}/emailpass`, 'POST', appOrigin, withCookie))
  checks.push(await corsCheck('CORS of the store routes', 'STORE_CORS', `${baseUrl}/store/customers/me`, 'GET', appOrigin, withCookie))

  if (withCookie) {
    const warning = sessionCookieWarning(appOrigin, baseUrl)
    checks.push({
      name: 'Session cookie',
      ok: !warning,
      detail: warning ?? 'The app and Medusa share a host: the browser sends Medusa\'s session cookie to both. Over http, start Medusa with NODE_ENV=development, or it never sets the cookie.',
    })
  }
  return checks
}

/** Registers the tab and its page on the dev server. */
export function setupDevtools(nuxt: Nuxt) {
  addDevServerHandler({
    route: DEVTOOLS_ROUTE,
    handler: defineEventHandler(async (event) => {
      setResponseHeader(event, 'content-type', 'text/html; charset=utf-8')
      setResponseHeader(event, 'cache-control', 'no-store')
      let config: MedusaAuthPublicConfig
      try {
        config = resolveMedusaAuthConfig(withEnvironment(nuxt.options.runtimeConfig.public.medusaAuth))
      }
      catch (error) {
        return `<!doctype html><meta charset="utf-8"><p data-check="problem">${escapeHtml((error as Error).message)}</p>`
      }
      return renderPage(config, await checkMedusaSetup(config, getRequestURL(event).origin))
    }),
  })

  // The hook that @nuxt/devtools-kit's addCustomTab wraps; called only when DevTools is on.
  const hook = nuxt.hook as unknown as (name: 'devtools:customTabs', handler: (tabs: unknown[]) => void) => void
  hook('devtools:customTabs', (tabs) => {
    tabs.push({
      name: 'medusa-auth',
      title: 'Medusa auth',
      icon: 'carbon:user-identification',
      view: { type: 'iframe', src: DEVTOOLS_ROUTE },
    })
  })
}

/** The options as the app's server sees them: NUXT_PUBLIC_MEDUSA_AUTH_* of the dev server's environment over nuxt.config. */
function withEnvironment(options: object): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...options }
  for (const key of Object.keys(options)) {
    const value = process.env[environmentVariable(key)]
    if (value !== undefined) merged[key] = value
  }
  return merged
}

/** `"<"` and its kin cannot end the script or the markup they are written into. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, character => `&#${character.charCodeAt(0)};`)
}

function renderPage(config: CheckedConfig, checks: SetupCheck[]): string {
  const rows = checks.map(check => `<tr data-check="${check.ok ? 'ok' : 'problem'}"><td>${check.ok ? '✔' : '✘'}</td><th>${escapeHtml(check.name)}</th><td>${escapeHtml(check.detail)}</td></tr>`).join('')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Medusa auth</title>
<style>
body { font: 14px system-ui, sans-serif; margin: 1rem; color: #222; }
@media (prefers-color-scheme: dark) { body { background: #151515; color: #ddd; } }
table { border-collapse: collapse; margin-bottom: 1rem; } th, td { text-align: left; padding: 0.25rem 0.75rem 0.25rem 0; vertical-align: top; }
[data-check=problem] td:first-child { color: #d33; } [data-check=ok] td:first-child { color: #2a2; }
pre { background: rgba(127,127,127,0.12); padding: 0.5rem; overflow: auto; }
</style></head><body>
<h2>Mode</h2>
<table>
<tr><th>Medusa</th><td>${escapeHtml(config.baseUrl)}</td></tr>
<tr><th>Type</th><td data-test="type">${escapeHtml(config.type)}</td></tr>
<tr><th>Storage</th><td data-test="storage">${config.type === 'jwt' ? escapeHtml(config.storage) : '(Medusa\'s session cookie)'}</td></tr>
</table>
<h2>This tab's visitor</h2>
<table>
<tr><th>Status</th><td data-test="status">…</td></tr>
<tr><th>Actor</th><td data-test="actor"></td></tr>
<tr><th>Expires in</th><td data-test="expires-in"></td></tr>
</table>
<pre data-test="claims"></pre>
<h2>Checks</h2>
<table>${rows}</table>
<script>
// The app's window (DevTools shows this page in a frame of a frame of it) has the reader the plugin left in dev.
const read = () => { try { return window.top.__MEDUSA_AUTH_DEVTOOLS__?.() } catch { return undefined } }
const show = (test, text) => { document.querySelector('[data-test=' + test + ']').textContent = text }
function render() {
  const state = read()
  if (!state) return show('status', 'Open this page from the DevTools of the app.')
  show('status', state.status)
  show('actor', state.claims ? (state.claims.actor_type + ' ' + (state.claims.actor_id || '(no actor yet)')) : '')
  const left = state.expiresAt === null ? null : Math.round((state.expiresAt - Date.now()) / 1000)
  show('expires-in', left === null ? '' : left > 0 ? left + ' s (the expiry margin already taken off)' : 'expired')
  show('claims', state.claims ? JSON.stringify(state.claims, null, 2) : '')
}
render()
setInterval(render, 1000)
</script>
</body></html>`
}
