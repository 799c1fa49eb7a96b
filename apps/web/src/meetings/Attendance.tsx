import type { Organisation } from '@accord/coalition'
import type { Meeting } from '@accord/minutes/meeting'
import { AttendanceEditor } from './AttendanceEditor.tsx'
import { AttendanceList } from './AttendanceList.tsx'

interface AttendanceProps {
  meeting: Meeting
  organisations: Organisation[]
  canManage: boolean
  onSaved: (meeting: Meeting) => void
}

export function Attendance({ meeting, organisations, canManage, onSaved }: AttendanceProps) {
  const sorted = [...organisations].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  return canManage ? (
    <AttendanceEditor meeting={meeting} organisations={sorted} onSaved={onSaved} />
  ) : (
    <AttendanceList meeting={meeting} organisations={sorted} />
  )
}
