// RFC 6238 codes, as an authenticator app computes them from Medusa's base32 secret.
import { createHmac } from 'node:crypto'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'

function base32Decode(secret: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
  let bits = ''
  for (const character of secret.replace(/=+$/, '').toUpperCase()) {
    const value = alphabet.indexOf(character)
    if (value < 0) throw new Error(`not base32: ${character}`)
    bits += value.toString(2).padStart(5, '0')
  }
  const bytes = bits.match(/.{8}/g) ?? []
  return Buffer.from(bytes.map(byte => Number.parseInt(byte, 2)))
}

export function totpCode(secret: string, at = Date.now()): string {
  const counter = Buffer.alloc(8)
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000)))
  const digest = createHmac('sha1', base32Decode(secret)).update(counter).digest()
  const offset = digest[19]! & 0xF
  return String((digest.readUInt32BE(offset) & 0x7FFFFFFF) % 1_000_000).padStart(6, '0')
}

/** Enables a TOTP factor for the identity of `token`, as a person does with an authenticator app; gives the secret. */
export async function enableTotpFactor(medusaUrl: string, token: string): Promise<string> {
  const headers = { 'content-type': 'application/json', 'authorization': `Bearer ${token}` }
  const started = await fetch(`${medusaUrl}/auth/mfa/factors`, { method: 'POST', headers, body: JSON.stringify({ provider: 'totp' }) })
  const { mfa_factor: factor, secret } = await started.json() as { mfa_factor: { id: string }, secret: string }
  const enabled = await fetch(`${medusaUrl}/auth/mfa/factors/${factor.id}/verify`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ code: totpCode(secret) }),
  })
  if (enabled.status !== 200) throw new Error(`Medusa did not enable the TOTP factor: ${enabled.status} ${await enabled.text()}`)
  return secret
}

/**
 * On the playground's MFA page: a wrong code first, which must be refused with
 * Medusa's message, then the right one for `secret`.
 */
export async function completeMfaPage(page: Page, secret: string) {
  await page.fill('input[name=code]', '000000')
  await page.click('button[type=submit]')
  await expect(page.getByRole('alert').textContent()).resolves.toContain('Invalid MFA challenge code')
  await page.fill('input[name=code]', totpCode(secret))
  await page.click('button[type=submit]')
}
