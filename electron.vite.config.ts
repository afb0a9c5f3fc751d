import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { mainBundleBuild } from './scripts/main-bundle'

const alias = { '@shared': resolve(__dirname, 'shared') }

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      // One CommonJS bundle with every JavaScript dependency (scripts/main-bundle.ts says why); boot.ts loads
      // it through V8's code cache.
      externalizeDeps: false,
      ...mainBundleBuild(
        { boot: resolve(__dirname, 'electron/main/boot.ts'), index: resolve(__dirname, 'electron/main/index.ts') },
        'out/main',
      ),
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // A sandboxed preload cannot be an ES module nor require packages: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified; minifying it keeps the initial JS small (goal ≤ 150 KB gzip).
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
})
