import { SecretLink } from '../components/SecretLink.tsx'

/** The invite link just created: the server shows it only once, so it stays until the next. */
export function InviteLink({ path }: { path: string }) {
  return (
    <SecretLink
      label="Invite link"
      url={location.origin + path}
      hint="Send it to the people you are inviting. It is shown only now."
    />
  )
}
