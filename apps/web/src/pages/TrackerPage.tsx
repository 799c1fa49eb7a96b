import { useParams } from 'react-router'

export function TrackerPage() {
  const { coalitionId = '' } = useParams()
  return <div className="page" data-coalition={coalitionId} />
}
