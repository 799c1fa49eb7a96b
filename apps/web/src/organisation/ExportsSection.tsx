import { DownloadButton } from '../downloads/DownloadButton.tsx'
import { commitmentsPath, type CommitmentsFormat } from './api.ts'

const FORMATS: { format: CommitmentsFormat; label: string }[] = [
  { format: 'md', label: 'Markdown (.md)' },
  { format: 'csv', label: 'CSV (.csv)' },
  { format: 'ics', label: 'iCalendar (.ics)' },
  { format: 'docx', label: 'Word (.docx)' },
  { format: 'json', label: 'JSON (.json)' },
]

interface ExportsSectionProps {
  coalitionId: string
  organisation: { id: string; shortName: string }
}

/** The organisation's commitments as files, to share, file or load into a calendar once. */
export function ExportsSection({ coalitionId, organisation }: ExportsSectionProps) {
  return (
    <section className="card" aria-labelledby="exports-heading">
      <h2 id="exports-heading">Download commitments</h2>
      <p className="field__hint organisation-intro">
        Every commitment above, as a file. The calendar file holds the due dates still to come.
      </p>
      <div className="organisation-exports">
        {FORMATS.map(({ format, label }) => (
          <DownloadButton
            key={format}
            path={commitmentsPath(coalitionId, organisation.id, format)}
            label={label}
            description={`${organisation.shortName}'s commitments`}
          />
        ))}
      </div>
    </section>
  )
}
