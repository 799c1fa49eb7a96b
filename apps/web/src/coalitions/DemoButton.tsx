import type { Membership } from '@accord/coalition'
import { createDemo } from '../api/coalitions.ts'
import { useAction } from '../api/use-action.ts'
import { FormError } from '../components/FormError.tsx'

/** Builds a demo coalition from the sample minutes, with the person as its chair. */
export function DemoButton({ onCreated }: { onCreated: (m: Membership) => Promise<void> }) {
  const { run, pending, error } = useAction()
  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        disabled={pending}
        onClick={() => void run(async () => onCreated(await createDemo()))}
      >
        Try the demo
      </button>
      <FormError message={error} />
    </>
  )
}
