// Draws Token Desk's icons without an image library: shapes as signed distances, 4×4 supersampling, and a
// minimal PNG encoder on node:zlib. Run `node scripts/make-icons.mjs` after changing a shape; the PNGs are committed.
//   resources/icon.png                       the app icon (512 px; electron-builder derives the platform icons)
//   resources/tray/tray-<state>[@2x].png     tray icons, 16 px and 32 px, for ok / expiring / expired
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32, deflateSync } from 'node:zlib'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

// ── Geometry (coordinates are fractions of the icon's size) ─────────────────────────────────────────────
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r
const segment = (ax, ay, bx, by, halfWidth) => (x, y) => {
  const [px, py, dx, dy] = [x - ax, y - ay, bx - ax, by - ay]
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)))
  return Math.hypot(px - t * dx, py - t * dy) - halfWidth
}
const roundedBox = (x0, y0, x1, y1, r) => (x, y) => {
  const qx = Math.abs(x - (x0 + x1) / 2) - (x1 - x0) / 2 + r
  const qy = Math.abs(y - (y0 + y1) / 2) - (y1 - y0) / 2 + r
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}
const union = (...shapes) => (x, y) => Math.min(...shapes.map((shape) => shape(x, y)))
const subtract = (shape, hole) => (x, y) => Math.max(shape(x, y), -hole(x, y))

/** Layers are [shape, [r, g, b]] painted in order; inside means distance ≤ 0. */
function render(size, layers) {
  const pixels = Buffer.alloc(size * size * 4)
  const samples = 4
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0]
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size
          const y = (py + (sy + 0.5) / samples) / size
          let color = null
          for (const [shape, rgb] of layers) if (shape(x, y) <= 0) color = rgb
          if (color) [r, g, b, a] = [r + color[0], g + color[1], b + color[2], a + 1]
        }
      }
      const offset = (py * size + px) * 4
      if (a > 0) pixels.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / samples ** 2)], offset)
    }
  }
  return pixels
}

// ── PNG: signature, IHDR (8-bit RGBA), one IDAT, IEND ───────────────────────────────────────────────────
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}
function png(size, rgba) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8)
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

// ── The icons ───────────────────────────────────────────────────────────────────────────────────────────
const white = [255, 255, 255]
const badge = circle(0.5, 0.5, 0.47)
const trayStates = {
  ok: { color: [46, 160, 67], glyph: union(segment(0.28, 0.52, 0.44, 0.68, 0.075), segment(0.44, 0.68, 0.73, 0.35, 0.075)) },
  expiring: { color: [219, 143, 0], glyph: union(segment(0.5, 0.25, 0.5, 0.56, 0.08), circle(0.5, 0.74, 0.08)) },
  expired: { color: [207, 34, 46], glyph: union(segment(0.32, 0.32, 0.68, 0.68, 0.075), segment(0.68, 0.32, 0.32, 0.68, 0.075)) },
}

const key = union(
  subtract(circle(0.35, 0.5, 0.16), circle(0.35, 0.5, 0.075)),
  roundedBox(0.46, 0.465, 0.82, 0.535, 0.015),
  roundedBox(0.66, 0.5, 0.71, 0.63, 0.012),
  roundedBox(0.75, 0.5, 0.8, 0.6, 0.012),
)
const appIcon = [
  [roundedBox(0.04, 0.04, 0.96, 0.96, 0.2), [31, 58, 95]],
  [key, [242, 182, 50]],
]

function write(relative, size, layers) {
  const path = join(root, relative)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, png(size, render(size, layers)))
  console.log(`${relative} (${size}×${size})`)
}

write('resources/icon.png', 512, appIcon)
for (const [state, { color, glyph }] of Object.entries(trayStates)) {
  write(`resources/tray/tray-${state}.png`, 16, [[badge, color], [glyph, white]])
  write(`resources/tray/tray-${state}@2x.png`, 32, [[badge, color], [glyph, white]])
}
