/**
 * How the main process is bundled, shared by electron.vite.config.ts and the start-up benchmark (which
 * bundles its core harness with the same bundler and settings). Every JavaScript dependency goes into one
 * minified CommonJS file, so a start resolves no module paths, reads less and V8's code cache covers all of
 * it. Left outside: Electron itself, and the N-API packages, whose loaders pick a prebuilt binary by
 * platform at run time.
 */
export const runtimeExternals = ['electron', 'libsql', '@napi-rs/keyring']

/** The same as patterns matching the package or a path inside it (for Rollup's `external`). */
export const runtimeExternalPatterns = runtimeExternals.map((name) => new RegExp(`^${name.replace(/[/.-]/g, '\\$&')}(/|$)`))

/** Build options for a main-process bundle of the given entries (Vite/Rolldown). */
export const mainBundleBuild = (input: Record<string, string>, outDir: string) => ({
  outDir,
  minify: true,
  rollupOptions: {
    input,
    external: runtimeExternalPatterns,
    output: { format: 'cjs' as const, entryFileNames: '[name].cjs', chunkFileNames: '[name]-[hash].cjs' },
  },
})
