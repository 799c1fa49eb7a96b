import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

const serverPort = process.env.PORT ?? '3000'

export default defineConfig({
  root: 'apps/web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The editor chunk (Tiptap, ProseMirror, Yjs) is about 530 kB and loads lazily, only on a
    // meeting's page; splitting it further buys nothing.
    chunkSizeWarningLimit: 600,
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
