export { createExtractor, extract } from './extractor.ts'
export * from './types.ts'
