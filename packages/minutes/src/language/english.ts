import winkNLP from 'wink-nlp'
import model from 'wink-eng-lite-web-model'
import { winkLanguage } from './wink.ts'

/**
 * English, from wink-nlp's light web model: about 1 MB gzipped, so the browser loads it with
 * `loadEnglish()` after the editor is on screen; the server and the CLI import it directly.
 */
export const english = winkLanguage(winkNLP(model))
