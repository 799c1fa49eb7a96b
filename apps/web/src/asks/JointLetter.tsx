import { useState } from 'react'
import { SelectField } from '../components/SelectField.tsx'
import { DownloadButton } from '../downloads/DownloadButton.tsx'

interface JointLetterProps {
  coalitionId: string
  /** Targets of agreed or sent asks; see letterTargets. */
  targets: string[]
}

/** A letter to one target with every ask the coalition agreed of it, signed by who endorsed. */
export function JointLetter({ coalitionId, targets }: JointLetterProps) {
  const [chosen, setChosen] = useState('')
  // The first target until one is chosen, and again if the chosen one has no agreed asks left.
  const target = targets.includes(chosen) ? chosen : (targets[0] ?? '')
  const letterPath = (format: 'docx' | 'md') =>
    `/api/coalitions/${encodeURIComponent(coalitionId)}/asks/letter.${format}?target=${encodeURIComponent(target)}`

  return (
    <section className="card" aria-labelledby="joint-letter-heading">
      <h2 id="joint-letter-heading">Joint letter</h2>
      {targets.length === 0 ? (
        <p className="muted">
          Once the coalition agrees an ask, a letter to whoever it asks can be downloaded here.
        </p>
      ) : (
        <>
          <p className="field__hint joint-letter__intro">
            Every agreed or sent ask to one target, signed by the organisations that endorsed them
            here.
          </p>
          <div className="joint-letter">
            <SelectField label="Addressed to" value={target} onChange={setChosen}>
              {targets.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </SelectField>
            <DownloadButton
              path={letterPath('docx')}
              label="Word (.docx)"
              description={`Joint letter to ${target}`}
            />
            <DownloadButton
              path={letterPath('md')}
              label="Markdown (.md)"
              description={`Joint letter to ${target}`}
            />
          </div>
        </>
      )}
    </section>
  )
}
