export { createExtractor, extract } from './extractor.ts'
export * from './types.ts'
export { warmUpExtractor } from './warm-up.ts'
