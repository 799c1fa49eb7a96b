import { SecretLink } from '../components/SecretLink.tsx'

/** The subscription link just made: only its hash is kept, so it is shown only now. */
export function FeedLink({ url, organisationName }: { url: string; organisationName: string }) {
  return (
    <SecretLink
      label="Subscription link"
      url={url}
      hint={
        <>
          Add it to your calendar app as a subscription. Anyone with this link can read{' '}
          {organisationName}&apos;s due dates, so share it only with your organisation. It is shown
          only now.
        </>
      }
    />
  )
}
