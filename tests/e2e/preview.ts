export { startPreview, type Preview } from '../../electron/preview/child'
