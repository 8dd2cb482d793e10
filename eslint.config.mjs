// @ts-check
import { createConfigForNuxt } from '@nuxt/eslint-config/flat'

export default createConfigForNuxt({
  features: {
    tooling: true,
    stylistic: true,
  },
  dirs: {
    src: ['./playground/app', './test/nuxt/app', './bench/apps/bare/app'],
  },
}).append({
  ignores: ['test/medusa/node_modules', 'test/medusa/.medusa', 'test/.tmp', 'dist', '**/.nuxt', '**/.output'],
})
