import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const serverPort = process.env.PORT ?? '3000'

export default defineConfig({
  root: 'apps/web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The meeting page's chunk loads lazily, only there: the editor (Tiptap, ProseMirror, Yjs,
    // about 530 kB) and the extractor that suggests actions as people type (about 150 kB with
    // chrono-node). The editor needs both at once, so splitting them buys nothing.
    chunkSizeWarningLimit: 700,
  },
  server: {
    // In development Vite serves the client and hands API and sync traffic to the server.
    proxy: {
      '/api': `http://127.0.0.1:${serverPort}`,
      '/sync': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    include: ['apps/**/*.test.ts', 'packages/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
})
