import type { ActivityType, Notice, Settings, Verification } from '@shared/contract'

/** What happened inside the core. Services talk to each other through these, never by direct calls. */
export type CoreEvents = {
  'token-changed': {
    instanceId: string
    change: 'generated' | 'regenerated' | 'removed' | 'pasted' | 'replaced-elsewhere' | 'revoked'
    hint: string | null
    expiresAt: string | null
    reason?: string
  }
  'token-used': { instanceId: string; action: 'copied' | 'revealed' }
  'token-verified': { instanceId: string; verification: Verification }
  'session-changed': { instanceId: string; change: 'signed-in' | 'signed-out' | 'expired'; email: string | null }
  'instance-changed': { instanceId: string; change: 'added' | 'updated' | 'removed'; name: string }
  'settings-changed': { settings: Settings; changed: (keyof Settings)[] }
  'integrations-changed': {
    instanceId: string | null
    change: 'added' | 'updated' | 'removed' | 'marked-updated' | 'imported' | 'needs-update'
    name: string | null
    count?: number
  }
  /** `regenerated`: Token Desk already made the new token (false for a First Due tenant, who regenerates in First Due). */
  'compromise-reported': { instanceId: string; reason: string; regenerated: boolean }
  'reminder-fired': { instanceId: string; offsetDays: number; kind: 'reminder' | 'expiry'; expiresAt: string }
  'admin-changed': { instanceId: string; userId: string; apiAccessEnabled: boolean }
  notice: Notice
  navigate: { instanceId: string; view: 'token' | 'integrations' | 'settings' | 'activity' | 'admin' }
  /** Activity log appends (the log emits it; the IPC layer forwards it). */
  'activity-appended': { id: string; at: string; type: ActivityType; instanceId: string | null; summary: string }
}

type Listener<T> = (payload: T) => void

/** A small typed synchronous event bus. A throwing listener never stops the others. */
export class EventBus {
  private readonly listeners = new Map<keyof CoreEvents, Set<Listener<never>>>()

  constructor(private readonly onListenerError: (error: unknown) => void = () => {}) {}

  on<E extends keyof CoreEvents>(event: E, listener: Listener<CoreEvents[E]>): () => void {
    let set = this.listeners.get(event)
    if (!set) this.listeners.set(event, (set = new Set()))
    set.add(listener as Listener<never>)
    return () => set.delete(listener as Listener<never>)
  }

  emit<E extends keyof CoreEvents>(event: E, payload: CoreEvents[E]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        ;(listener as Listener<CoreEvents[E]>)(payload)
      } catch (error) {
        this.onListenerError(error)
      }
    }
  }
}
