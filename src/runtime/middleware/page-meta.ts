/** Who may see a page, as `definePageMeta({ medusaAuth: { ... } })`. */
export interface MedusaAuthPageRule {
  /** The actor type that may see the page (`customer`, `user`, ...). Default: the `defaultActor` option. */
  actor?: string
  /** Only for visitors who are not logged in, such as login and register pages: others go to `homeRoute`. */
  guestOnly?: boolean
  /** Where a visitor who may not see the page goes, instead of `loginRoute`. */
  redirectTo?: string
}

/** `false`: a public page. `true` or a rule: a guarded page. */
export type MedusaAuthPageMeta = boolean | MedusaAuthPageRule
