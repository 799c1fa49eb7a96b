import { Link } from 'react-router'
import { organisationPath } from '../organisation/OrganisationLinks.tsx'
import type { OrganisationCounts as Counts } from './counts.ts'

/**
 * Open, overdue and done actions per organisation, each name leading to that organisation's
 * page and exports; also the text of the chart beside it.
 */
export function OrganisationCounts({
  counts,
  id,
  coalitionId,
}: {
  counts: readonly Counts[]
  id: string
  coalitionId: string
}) {
  return (
    <div className="table-scroll">
      <table className="data-table tracker-counts" id={id}>
        <caption className="tracker-counts__caption">
          Actions per organisation. Open counts actions not yet due or with no date; an action owed
          by all members counts for each organisation.
        </caption>
        <thead>
          <tr>
            <th scope="col">Organisation</th>
            <th scope="col">Open</th>
            <th scope="col">Overdue</th>
            <th scope="col">Done</th>
          </tr>
        </thead>
        <tbody>
          {counts.map((row) => (
            <tr key={row.organisationId}>
              <th scope="row">
                <Link to={organisationPath(coalitionId, row.organisationId)}>{row.name}</Link>{' '}
                <span className="muted">({row.shortName})</span>
              </th>
              <td>{row.open}</td>
              <td>{row.overdue}</td>
              <td>{row.done}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
