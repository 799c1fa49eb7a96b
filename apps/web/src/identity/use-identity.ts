import { useCallback, useState } from 'react'
import { cleanName, loadIdentity, saveName, type Identity } from './identity.ts'

export function useIdentity(): [Identity, (name: string) => void] {
  const [identity, setIdentity] = useState(loadIdentity)
  const setName = useCallback((name: string) => {
    const cleaned = cleanName(name)
    saveName(cleaned)
    setIdentity((current) => ({ ...current, name: cleaned }))
  }, [])
  return [identity, setName]
}
