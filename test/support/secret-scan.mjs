// What must never appear in the output of the test suite (vitest's, the
// app servers' and Medusa's): tokens, cookie values, the tests' passwords.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const SECRET_PATTERNS = [
  { name: 'a JWT', pattern: /eyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/ },
  { name: 'a session cookie value', pattern: /connect\.sid=s(?::|%3A)[\w%.+/=-]{8,}/i },
  { name: 'a token cookie value', pattern: /medusa_auth_token(?:_pending)?=[\w.-]{20,}/ },
  { name: 'a Bearer header', pattern: /Bearer\s+[\w-]{8,}\.[\w-]{8,}/ },
  // Every password the tests type: `<word>-password-<n>`, and the few others.
  { name: 'a test password', pattern: /\b[a-z]+(?:-[a-z]+)*-password-\d\b|\bnot-her-password\b|\ba-new-password\b/ },
]

/** Every line of `text` that holds a secret, with the pattern's name. */
export function findSecrets(text) {
  const found = []
  text.split('\n').forEach((line, index) => {
    for (const { name, pattern } of SECRET_PATTERNS) {
      if (pattern.test(line)) found.push({ line: index + 1, name })
    }
  })
  return found
}

/** Scans every `.log` file in `directory`; gives the files and lines scanned and what was found (never the secret itself). */
export function scanLogs(directory) {
  const files = readdirSync(directory).filter(file => file.endsWith('.log'))
  let lines = 0
  const found = []
  for (const file of files) {
    const text = readFileSync(join(directory, file), 'utf8')
    lines += text.split('\n').length
    for (const hit of findSecrets(text)) found.push({ file, ...hit })
  }
  return { files: files.length, lines, found }
}
