// Electron's own postinstall is disabled in package.json (allowScripts) because it downloads the binary
// and fails the whole install on machines that cannot reach its host. Run it here, tolerantly: normal
// machines still get the binary, offline machines still finish `npm install` and use the browser preview.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const installer = 'node_modules/electron/install.js'
if (!existsSync(installer)) process.exit(0)
const result = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
if (result.status !== 0) {
  console.log('token-desk: Electron binary not downloaded (no access to its host); `npm start` will open the browser preview instead.')
}
process.exit(0)
