import { useParams } from 'react-router'

export function AsksPage() {
  const { coalitionId = '' } = useParams()
  return <div className="page" data-coalition={coalitionId} />
}
