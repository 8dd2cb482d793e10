import { describe, expect, it } from 'vitest'
import { findSecrets } from '../support/secret-scan.mjs'
import { forgedToken } from '../support/malformed-answers'
import { alice } from '../support/accounts'

describe('the secret scan of the suite\'s output', () => {
  it.each([
    ['a JWT', `login ok, token ${forgedToken}`],
    ['a session cookie value', 'cookie: connect.sid=s%3AabcdefghijklmnopQRST.uvwxyz0123456789'],
    ['a token cookie value', 'set-cookie: medusa_auth_token=abc.def-ghijklmnopqrstuvwxyz; Path=/'],
    ['a Bearer header', 'authorization: Bearer abcdefghij.klmnopqrst.uvwxyz'],
    ['a test password', `{"email":"${alice.email}","password":"${alice.password}"}`],
  ])('finds %s', (name, line) => {
    expect(findSecrets(`before\n${line}\nafter`)).toEqual([{ line: 2, name }])
  })

  it('passes ordinary output', () => {
    const output = [
      ' ✓ e2e test/e2e/jwt.test.ts (6 tests) 3803ms',
      'safeRedirectPath: 1160 adversarial inputs, 0 escaped',
      '[medusa-auth] could not check the session with Medusa during SSR: Could not reach the Medusa server at http://127.0.0.1:9000.',
      'shows Medusa\'s message for a wrong password and keeps what was typed',
      'POST /auth/customer/emailpass 401',
    ].join('\n')
    expect(findSecrets(output)).toEqual([])
  })
})
