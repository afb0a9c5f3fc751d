import type { ExportFile } from '@shared/contract'

/** Hands a text file to the user as a download (works in Electron's renderer and in the browser preview). */
export function saveFile(file: ExportFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.filename
  link.rel = 'noopener'
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started by now; revoking later avoids cancelling it in slower browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
