// `npm start`: the Electron app where its binary is installed; otherwise the browser preview, so a new
// user always gets a working Token Desk.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
let electronPath = null
try {
  electronPath = require('electron') // throws when the binary was never downloaded
} catch {
  electronPath = null
}
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status ?? 1

if (electronPath) {
  process.exit(run('npx', ['electron-vite', 'preview']))
}
console.log('token-desk: the Electron binary is not installed here — starting the browser preview instead.')
const built = run('npx', ['electron-vite', 'build'])
if (built !== 0) process.exit(built)
process.exit(run('npx', ['tsx', 'electron/preview/cli.ts', ...process.argv.slice(2)]))
