export * from './types.ts'
export { winkLanguage } from './wink.ts'

/** English, loaded on demand: the model is a chunk of its own in the web client. */
export function loadEnglish(): Promise<import('./types.ts').Language> {
  return import('./english.ts').then((module) => module.english)
}
