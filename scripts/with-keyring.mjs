// Runs a command inside a private D-Bus session with an unlocked gnome-keyring and a temporary HOME, so
// tests use a real OS keychain without ever touching the developer's own login keyring.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const command = process.argv.slice(2)
if (command.length === 0) {
  console.error('usage: node scripts/with-keyring.mjs <command> [args…]')
  process.exit(2)
}
for (const tool of ['dbus-run-session', 'gnome-keyring-daemon']) {
  if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) {
    console.error(`token-desk tests: '${tool}' is missing. Install it with: apt-get install gnome-keyring libsecret-tools dbus`)
    process.exit(1)
  }
}
const home = mkdtempSync(join(tmpdir(), 'token-desk-keyring-'))
const script = 'echo -n token-desk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"'
const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', script, 'sh', ...command], {
  stdio: 'inherit',
  env: { ...process.env, HOME: home, XDG_DATA_HOME: join(home, '.local/share'), TOKEN_DESK_TEST_KEYRING: '1' },
})
rmSync(home, { recursive: true, force: true })
process.exit(result.status ?? 1)
