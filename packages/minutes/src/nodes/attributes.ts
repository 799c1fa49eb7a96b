import { parseIsoDate } from '../dates/calendar.ts'
import type { Attribute } from '@tiptap/core'

/**
 * How the structured nodes keep their attributes in HTML: one `data-` attribute each, so that
 * copying a node and pasting it (here or into another editor) keeps owners, dates and status.
 * Pasted HTML is not trusted: a value that does not fit falls back to the default.
 */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

/** `camelCase` → `data-camel-case`. */
function dataName(name: string): string {
  return `data-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`
}

/** A string, or null when absent or empty. */
export function textAttribute(name: string): Attribute {
  const html = dataName(name)
  return {
    default: null,
    parseHTML: (element) => element.getAttribute(html) || null,
    renderHTML: (attributes) => {
      const value: unknown = attributes[name]
      return typeof value === 'string' && value !== '' ? { [html]: value } : {}
    },
  }
}

/** The node's id: never copied onto the second half when the node is split (UniqueID gives one). */
export function idAttribute(): Attribute {
  return { ...textAttribute('id'), keepOnSplit: false }
}

/** An ISO calendar date (`YYYY-MM-DD`) or null. */
export function dateAttribute(name: string): Attribute {
  const html = dataName(name)
  return {
    ...textAttribute(name),
    parseHTML: (element) => {
      const value = element.getAttribute(html)
      // The shape is not enough: "2025-13-45" would reach every reader as an invalid date.
      return value && ISO_DATE.test(value) && parseIsoDate(value) ? value : null
    },
  }
}

/** One of `values`, else `fallback`. */
export function choiceAttribute(
  name: string,
  values: readonly string[],
  fallback: string,
): Attribute {
  const html = dataName(name)
  return {
    default: fallback,
    parseHTML: (element) => {
      const value = element.getAttribute(html)
      return value && values.includes(value) ? value : fallback
    },
    renderHTML: (attributes) => ({ [html]: String(attributes[name]) }),
  }
}

/** A list of ids, kept in HTML as a JSON array. */
export function idListAttribute(name: string): Attribute {
  const html = dataName(name)
  return {
    default: [],
    parseHTML: (element) => parseIdList(element.getAttribute(html)),
    renderHTML: (attributes) => {
      const value: unknown = attributes[name]
      return { [html]: JSON.stringify(Array.isArray(value) ? value : []) }
    },
  }
}

/** The strings of a JSON array; anything else is an empty list. */
export function parseIdList(json: string | null): string[] {
  if (!json) return []
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value)
      ? value.filter((item): item is string => typeof item === 'string' && item !== '')
      : []
  } catch {
    return []
  }
}
