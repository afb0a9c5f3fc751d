export * from './envelope'
export * from './models'
export * from './channels'
export * from './api'
