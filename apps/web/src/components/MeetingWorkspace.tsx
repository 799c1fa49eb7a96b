import type { Organisation } from '@accord/coalition'
import type { AskWriter } from '@accord/minutes/nodes'
import type { CollaborationSession } from '../collaboration/session.ts'
import { useCollaboration, type RefusalHandlers } from '../collaboration/use-collaboration.ts'
import { useTrackEditor } from '../collaboration/use-track-editor.ts'
import { useUnsavedChangesGuard } from '../collaboration/use-unsaved-changes-guard.ts'
import { useEditsRefused } from '../meetings/use-edits-refused.ts'
import { useReconnectOnReopen } from '../meetings/use-reconnect-on-reopen.ts'
import { StructurePanel } from '../structure/StructurePanel.tsx'
import type { MeetingPerson } from '../suggestions/find-suggestions.ts'
import { useSuggestionReview } from '../suggestions/use-suggestion-review.ts'
import { UnstorableChangeAlert } from './UnstorableChangeAlert.tsx'
import { ConnectionStatus } from './ConnectionStatus.tsx'
import { LoadingMinutes } from './LoadingMinutes.tsx'
import { MinutesEditor, type CaretUser } from './MinutesEditor.tsx'
import { PresenceBar } from './PresenceBar.tsx'
import { SaveIndicator } from './SaveIndicator.tsx'

interface MeetingWorkspaceProps extends RefusalHandlers {
  meetingId: string
  /** Names the meeting if signing out would lose its unsaved edits. */
  meetingTitle: string
  personId: string
  user: CaretUser
  /** Short name of the organisation the person speaks for. */
  organisation: string
  /** The coalition's organisations: the structure panel names owners with them. */
  organisations: Organisation[]
  /** What the person may claim for an ask: the editor keeps their new asks to it. */
  askWriter: AskWriter
  /** YYYY-MM-DD: due dates typed in the minutes are resolved against it. */
  meetingDate: string
  /** The coalition's members: a person named as an owner stands for their organisation. */
  people: readonly MeetingPerson[]
  /** The coalition's name: "the coalition" and its acronym stand for every organisation. */
  coalitionName: string
  /** YYYY-MM-DD of the coalition's next meeting after this one, if there is one yet. */
  nextMeetingDate: string | null
  /** The person's role lets them edit: observers get no save indicator, it would never settle. */
  canEdit: boolean
  /** Access was withdrawn while the page was open: stop taking edits that cannot be saved. */
  accessChanged: boolean
  /** The minutes are approved: nobody edits them until a chair reopens them. */
  approved: boolean
  /** The server dropped an edit: the minutes may have been approved since the page looked. */
  onEditsRefused: () => void
}

/** The live part of a meeting page: who is here, the connection, and the shared minutes. */
export function MeetingWorkspace({
  meetingId,
  meetingTitle,
  personId,
  user,
  organisation,
  organisations,
  askWriter,
  meetingDate,
  people,
  coalitionName,
  nextMeetingDate,
  canEdit,
  accessChanged,
  approved,
  onEditsRefused,
  ...handlers
}: MeetingWorkspaceProps) {
  const session = useCollaboration(meetingId, personId, handlers)
  if (!session) {
    return <LoadingMinutes />
  }
  return (
    <Workspace
      session={session}
      meetingTitle={meetingTitle}
      user={user}
      organisation={organisation}
      organisations={organisations}
      askWriter={askWriter}
      meetingDate={meetingDate}
      people={people}
      coalitionName={coalitionName}
      nextMeetingDate={nextMeetingDate}
      canEdit={canEdit}
      accessChanged={accessChanged}
      approved={approved}
      onEditsRefused={onEditsRefused}
    />
  )
}

interface WorkspaceProps {
  session: CollaborationSession
  meetingTitle: string
  user: CaretUser
  organisation: string
  organisations: Organisation[]
  askWriter: AskWriter
  meetingDate: string
  people: readonly MeetingPerson[]
  coalitionName: string
  nextMeetingDate: string | null
  canEdit: boolean
  accessChanged: boolean
  approved: boolean
  onEditsRefused: () => void
}

function Workspace({
  session,
  meetingTitle,
  user,
  organisation,
  organisations,
  askWriter,
  meetingDate,
  people,
  coalitionName,
  nextMeetingDate,
  canEdit,
  accessChanged,
  approved,
  onEditsRefused,
}: WorkspaceProps) {
  useUnsavedChangesGuard(session.saveStatus, canEdit)
  useEditsRefused(session.provider, onEditsRefused)
  useReconnectOnReopen(session.provider, approved)
  const review = useSuggestionReview(session.doc, {
    organisations,
    meetingDate,
    people,
    coalitionName,
    nextMeetingDate,
  })
  const editable = canEdit && !accessChanged && !approved
  useTrackEditor(session, meetingTitle, editable)

  return (
    <div className="workspace">
      <div className="workspace__bar">
        <PresenceBar provider={session.provider} ownOrganisation={organisation} />
        <div className="workspace__status">
          <ConnectionStatus provider={session.provider} />
          {canEdit && <SaveIndicator saveStatus={session.saveStatus} />}
        </div>
      </div>
      <UnstorableChangeAlert session={session} />
      <div className="workspace__body">
        {/* Keyed by session: an editor is bound to one document for its whole life. And by
            whether it edits: one made read-only never gives new structured nodes their ids. */}
        <MinutesEditor
          key={`${session.doc.guid}:${editable}`}
          session={session}
          user={user}
          editable={editable}
          organisations={organisations}
          askWriter={askWriter}
          meetingDate={meetingDate}
          review={review}
        />
        <StructurePanel
          meetingId={session.meetingId}
          changes={session.structure}
          organisations={organisations}
          review={editable ? review : null}
        />
      </div>
    </div>
  )
}
