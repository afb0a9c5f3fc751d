import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** Newest modification time of any file under `dir` (0 when it does not exist). */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** The built renderer is missing or older than its sources (renderer/ and shared/). */
export function rendererIsStale(projectRoot: string, outDir: string): boolean {
  const index = join(outDir, 'index.html')
  if (!existsSync(index)) return true
  const built = statSync(index).mtimeMs
  return (
    Math.max(newestMtime(join(projectRoot, 'renderer')), newestMtime(join(projectRoot, 'shared'))) > built
  )
}

/**
 * Runs the project's own build (`electron-vite build`), so the preview serves exactly what the desktop app
 * loads. Its output goes to stderr: stdout carries only the preview's one line.
 */
export function buildApp(projectRoot: string): void {
  const bin = join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: projectRoot, stdio: ['ignore', 2, 2] })
  if (result.status !== 0) throw new Error('electron-vite build failed (see above)')
}
