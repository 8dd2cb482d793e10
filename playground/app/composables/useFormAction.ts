/** Runs a form's work with a busy flag, keeping the failure's message: Medusa's own when it gave one. */
export function useFormAction(fallbackMessage: string) {
  const error = ref('')
  const busy = ref(false)

  async function run(work: () => Promise<unknown>) {
    error.value = ''
    busy.value = true
    try {
      await work()
    }
    catch (failure) {
      error.value = isMedusaAuthError(failure) ? failure.message : fallbackMessage
    }
    finally {
      busy.value = false
    }
  }

  return { error, busy, run }
}
