// Simulated device state per session, so concurrent users of one server never see each other's
// alarms or carts. A session is created on first use (a fresh seeded SimulatedDevice) and expires
// after `ttlMs` without use; the oldest session is dropped when `maxSessions` is reached.
// Deliberately left out: persistence (a restart starts every session over) and locking between two
// runs of the same session (they interleave on one device, as two apps on one phone would).
import { randomUUID } from "node:crypto";
import { SimulatedDevice, type DeviceState } from "../functions/index.js";
import { HttpError } from "./errors.js";

export const SESSION_ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

interface Session {
  device: SimulatedDevice;
  createdAt: number;
  lastUsed: number;
}

export interface SessionStoreOptions {
  ttlMs?: number;
  maxSessions?: number;
  deviceSeed?: number;
  /** Clock in ms, for expiry tests. */
  now?: () => number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  readonly ttlMs: number;
  private readonly maxSessions: number;
  private readonly deviceSeed: number;
  private readonly now: () => number;

  constructor(options: SessionStoreOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30 * 60_000;
    this.maxSessions = options.maxSessions ?? 1000;
    this.deviceSeed = options.deviceSeed ?? 0;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    this.sweep();
    return this.sessions.size;
  }

  /** The session's device, creating the session (and an id when none is given). */
  open(sessionId: string | undefined): { sessionId: string; device: SimulatedDevice; expiresAt: string } {
    const id = sessionId ?? randomUUID();
    if (!SESSION_ID_PATTERN.test(id)) {
      throw new HttpError(400, `invalid session id ${JSON.stringify(id.slice(0, 80))}`, {
        param: "sessionId",
        hint: "use 1–64 characters from A–Z, a–z, 0–9, '_', '.', '-' (or leave it out to get a new session)",
      });
    }
    this.sweep();
    const time = this.now();
    let session = this.sessions.get(id);
    if (!session) {
      if (this.sessions.size >= this.maxSessions) this.dropOldest();
      session = { device: SimulatedDevice.create({ seed: this.deviceSeed }), createdAt: time, lastUsed: time };
      this.sessions.set(id, session);
    }
    session.lastUsed = time;
    return { sessionId: id, device: session.device, expiresAt: new Date(time + this.ttlMs).toISOString() };
  }

  snapshot(sessionId: string | undefined): { sessionId: string; state: DeviceState; expiresAt: string } {
    const session = this.open(sessionId);
    return { sessionId: session.sessionId, state: session.device.snapshot(), expiresAt: session.expiresAt };
  }

  /** Drops expired sessions. */
  sweep(): void {
    const time = this.now();
    for (const [id, session] of this.sessions) if (time - session.lastUsed > this.ttlMs) this.sessions.delete(id);
  }

  private dropOldest(): void {
    let oldest: [string, Session] | undefined;
    for (const entry of this.sessions) if (!oldest || entry[1].lastUsed < oldest[1].lastUsed) oldest = entry;
    if (oldest) this.sessions.delete(oldest[0]);
  }
}
