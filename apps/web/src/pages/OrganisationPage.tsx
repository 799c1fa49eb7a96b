import { useParams } from 'react-router'

export function OrganisationPage() {
  const { coalitionId = '' } = useParams()
  return <div className="page" data-coalition={coalitionId} />
}
