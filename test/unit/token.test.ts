import { describe, expect, it } from 'vitest'
import { decodeToken, isExpired } from '../../src/runtime/core/token'

function tokenWith(claims: unknown) {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}.c2lnbmF0dXJl`
}

const claims = {
  actor_id: 'cus_01',
  actor_type: 'customer',
  auth_identity_id: 'authid_01',
  auth_provider: 'emailpass',
  iat: 1_700_000_000,
  exp: 1_700_086_400,
}

describe('decodeToken', () => {
  it('reads the claims of a Medusa token', () => {
    expect(decodeToken(tokenWith(claims))).toEqual(claims)
  })

  it('reads non-ASCII profile data', () => {
    const decoded = decodeToken(tokenWith({ ...claims, user_metadata: { name: 'Zoë 山田' } }))
    expect(decoded?.user_metadata).toEqual({ name: 'Zoë 山田' })
  })

  it.each([
    ['a number', 42],
    ['an empty string', ''],
    ['two parts', 'abc.def'],
    ['four parts', 'a.b.c.d'],
    ['a payload that is not JSON', 'eyJh.bm90IGpzb24.c2ln'],
    ['a payload that is an array', tokenWith([claims])],
    ['claims without exp', tokenWith({ ...claims, exp: undefined })],
    ['a string exp', tokenWith({ ...claims, exp: '1700086400' })],
    ['a numeric actor_id', tokenWith({ ...claims, actor_id: 1 })],
    ['padding and spaces', `${tokenWith(claims)} `],
    ['an overlong token', `${'a'.repeat(20_000)}.b.c`],
  ])('gives null for %s', (_, token) => {
    expect(decodeToken(token)).toBeNull()
  })
})

describe('isExpired', () => {
  it('compares exp with now, with a margin', () => {
    const now = claims.exp * 1000
    expect(isExpired(claims, 0, now - 1)).toBe(false)
    expect(isExpired(claims, 0, now)).toBe(true)
    expect(isExpired(claims, 60, now - 59_000)).toBe(true)
    expect(isExpired(claims, 60, now - 61_000)).toBe(false)
  })
})
