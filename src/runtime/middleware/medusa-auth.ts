import { defineNuxtRouteMiddleware } from '#app'
import { guardRoute } from './guard-route'

/** `definePageMeta({ middleware: 'medusa-auth' })`: the page needs a logged-in actor. */
export default defineNuxtRouteMiddleware(to => guardRoute(to, true))
