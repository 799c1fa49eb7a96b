import fs from 'node:fs'
import { getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { structuredNodeIds } from './nodes/unique-ids.ts'
import { minutesExtensions, minutesSchema } from './schema.ts'

/** Node and mark names with their attribute names: what the server lets a Yjs update write. */
function names(schema: Schema) {
  const attrs = (types: Record<string, { spec: { attrs?: object } }>) =>
    Object.fromEntries(
      Object.entries(types).map(([name, type]) => [
        name,
        Object.keys(type.spec.attrs ?? {}).sort(),
      ]),
    )
  return { nodes: attrs(schema.nodes), marks: attrs(schema.marks) }
}

describe('the schema the server checks updates against (minutesSchema)', () => {
  it('has exactly the nodes, marks and attributes of the editor’s schema', () => {
    // The editor adds ids (structuredNodeIds) to the shared extensions; the rest of its
    // extensions are behaviour, not schema (checked below).
    const editor = getSchema([...minutesExtensions(), structuredNodeIds()])
    expect(names(minutesSchema())).toEqual(names(editor))
    expect(Object.keys(minutesSchema().nodes)).toContain('actionItem')
    expect(Object.keys(minutesSchema().marks)).toContain('link')
  })

  it('is not extended by the web editor with nodes, marks or attributes of its own', () => {
    const editorDir = new URL('../../../apps/web/src/editor/', import.meta.url)
    const sources = fs
      .readdirSync(editorDir)
      .filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.'))
      .map((file) => fs.readFileSync(new URL(file, editorDir), 'utf8'))
    expect(sources.length).toBeGreaterThan(3)
    for (const source of sources) {
      expect(source).not.toMatch(/\b(Node|Mark)\.create\(|addGlobalAttributes|addAttributes/)
    }
  })
})
