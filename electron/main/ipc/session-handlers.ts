import type { SessionsService } from '../services/sessions'
import type { HandlerMap } from './handler-table'

export function createSessionHandlers(sessions: SessionsService): HandlerMap<'session:get' | 'session:signIn' | 'session:signInDemo' | 'session:signOut'> {
  return {
    'session:get': ({ instanceId }) => sessions.view(instanceId),
    'session:signIn': ({ instanceId, email, password }) => sessions.signIn(instanceId, email, password),
    'session:signInDemo': ({ instanceId, user }) => sessions.signInDemo(instanceId, user),
    'session:signOut': ({ instanceId }) => sessions.signOut(instanceId),
  }
}
