// Build and dev-start time: in session mode, can Medusa's session cookie
// reach the places it must? The browser sends it to Medusa only when the app
// and Medusa are one site (the same registrable domain), and sends it to the
// app's server, for SSR, only when both share a host or Medusa's
// `cookieOptions.domain` covers both.
import { getDomain } from 'tldts'

/** The registrable domain (`example.co.uk`, `me.github.io`); a bare host such as an IP or `localhost` is its own site. */
function siteOf(hostname: string): string {
  return getDomain(hostname, { allowPrivateDomains: true }) ?? hostname
}

/** A warning for session mode with the app at `appUrl` and Medusa at `medusaUrl`, or `undefined` when the cookie can follow. */
export function sessionCookieWarning(appUrl: string, medusaUrl: string): string | undefined {
  let app: URL
  let medusa: URL
  try {
    app = new URL(appUrl)
    medusa = new URL(medusaUrl)
  }
  catch {
    return undefined
  }
  // Cookies ignore ports. `localhost` and `127.0.0.1` are two sites to a browser.
  if (app.hostname === medusa.hostname) return undefined

  const domain = `.${siteOf(medusa.hostname)}`
  if (siteOf(app.hostname) !== siteOf(medusa.hostname)) {
    return `Session mode: the app (${app.host}) and Medusa (${medusa.host}) are on different sites, so browsers will not send `
      + `Medusa's session cookie and no visitor stays logged in. Serve both under one site, e.g. shop.example.com and `
      + `api.example.com, and set Medusa's \`projectConfig.cookieOptions.domain\` to that site (e.g. ".example.com"); `
      + `or use \`type: 'jwt'\`.`
  }
  return `Session mode: the app (${app.host}) and Medusa (${medusa.host}) share a site but not a host. Logins work in the `
    + `browser, but server-rendered pages only see the session when Medusa's \`projectConfig.cookieOptions.domain\` `
    + `is "${domain}", so that the cookie reaches the app too.`
}
