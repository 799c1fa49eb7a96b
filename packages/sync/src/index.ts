export {
  CloseCode,
  MessageType,
  SyncMessageType,
  encodeSaved,
  readSaved,
  encodeStructureChanged,
  readStructureChanged,
  isContentFrame,
  encodeSyncMessage,
  type SavedMessage,
} from './protocol.ts'
export type { ConnectionContentCheck, ConnectionOptions } from './connection.ts'
export {
  attributeWrites,
  type AttributeWrites,
  type ElementWrites,
  type WrittenElement,
} from './attribute-writes.ts'
export { stampAwarenessUpdate, type Presence } from './presence.ts'
export { applyStoredUpdates } from './stored-updates.ts'
export {
  MemoryStore,
  type DocumentLog,
  type DocumentStore,
  type LogPosition,
  type StoredUpdate,
} from './store.ts'
export {
  decodeFanoutMessage,
  encodeFanoutMessage,
  FanoutPart,
  type Fanout,
  type FanoutMessage,
  type FanoutPartData,
} from './fanout.ts'
export { DEFAULT_HEAL_INTERVAL_MS, REMOTE_ORIGIN, type FanoutStats } from './room-fanout.ts'
export { silentLogger, type Logger, type Transport } from './transport.ts'
export {
  RoomServer,
  DEFAULT_AWARENESS_INTERVAL_MS,
  DEFAULT_COMMIT_INTERVAL_MS,
  DEFAULT_COMPACT_AFTER,
  DEFAULT_MAX_MESSAGE_BYTES,
  type ConnectionHandle,
  type RoomServerOptions,
} from './room-server.ts'
export { isAllowedHref, type ContentSchema } from './content-check.ts'
export { checkUpdate, UPDATE_LIMITS } from './update-check.ts'
export { splitUpdate } from './split-update.ts'
