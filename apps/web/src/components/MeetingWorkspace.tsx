import { useCollaboration } from '../collaboration/use-collaboration.ts'
import { useUnsavedChangesGuard } from '../collaboration/use-unsaved-changes-guard.ts'
import type { CollaborationSession } from '../collaboration/session.ts'
import type { Identity } from '../identity/identity.ts'
import { ChangeTooLargeAlert } from './ChangeTooLargeAlert.tsx'
import { ConnectionStatus } from './ConnectionStatus.tsx'
import { LoadingMinutes } from './LoadingMinutes.tsx'
import { MinutesEditor } from './MinutesEditor.tsx'
import { PresenceBar } from './PresenceBar.tsx'
import { SaveIndicator } from './SaveIndicator.tsx'

interface MeetingWorkspaceProps {
  meetingId: string
  identity: Identity
  onRename: (name: string) => void
  onMeetingGone: () => void
}

/** The live part of a meeting page: who is here, the connection, and the shared minutes. */
export function MeetingWorkspace({
  meetingId,
  identity,
  onRename,
  onMeetingGone,
}: MeetingWorkspaceProps) {
  const session = useCollaboration(meetingId, onMeetingGone)
  if (!session) {
    return <LoadingMinutes />
  }
  return <Workspace session={session} identity={identity} onRename={onRename} />
}

interface WorkspaceProps {
  session: CollaborationSession
  identity: Identity
  onRename: (name: string) => void
}

function Workspace({ session, identity, onRename }: WorkspaceProps) {
  useUnsavedChangesGuard(session.saveStatus)

  return (
    <div className="workspace">
      <div className="workspace__bar">
        <PresenceBar provider={session.provider} name={identity.name} onRename={onRename} />
        <div className="workspace__status">
          <ConnectionStatus provider={session.provider} />
          <SaveIndicator saveStatus={session.saveStatus} />
        </div>
      </div>
      <ChangeTooLargeAlert session={session} />
      {/* Keyed by session: an editor is bound to one document for its whole life. */}
      <MinutesEditor key={session.doc.guid} session={session} identity={identity} />
    </div>
  )
}
