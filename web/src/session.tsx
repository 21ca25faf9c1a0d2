// The signed-in account: read from /api/auth/me at start, set by login, cleared by logout, by a
// 401 from any request, and by 30 minutes without activity (the server's idle timeout; the client
// leaves first, with a message, instead of failing on the next click). Signing in or out empties
// the data cache (api/query.ts), so one account never sees what another one read.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { LoginBody } from '../../src/http/contract';
import { api, handleSessionLost, lastRequestTime, setCsrfToken } from './api/client';
import { queryClient } from './api/query';
import type { Capability, Me, SessionResponse } from './api/types';

export const IDLE_MINUTES = 30;
const IDLE_MS = IDLE_MINUTES * 60_000;
/** An active user with no request for this long touches the session so the server keeps it. */
const KEEPALIVE_MS = 10 * 60_000;
const CHECK_EVERY_MS = 15_000;
/** Activity is shared between tabs of the same browser through localStorage. */
const ACTIVITY_KEY = 'sibi.lastActivity';

export type SignOutReason = 'idle' | 'expired' | 'logout' | 'passwordChanged';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous'; reason: SignOutReason | null }
  | { status: 'signed-in'; me: Me; expiresAt: string };

export type { LoginBody };

interface Session {
  state: SessionState;
  /** Signs in; throws ApiError (login_failed, totp_required, account_locked, …). */
  login(body: LoginBody): Promise<Me>;
  logout(reason?: SignOutReason): Promise<void>;
  /** Takes a fresh session answer (after a password change, which issues a new session). */
  accept(response: SessionResponse): void;
  /** Reads /api/auth/me again (after TOTP enrolment clears the pending step). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const accept = useCallback((response: SessionResponse) => {
    setCsrfToken(response.csrfToken);
    markActivity(true);
    setState({ status: 'signed-in', me: response.user, expiresAt: response.expiresAt });
  }, []);

  const signedOut = useCallback((reason: SignOutReason | null) => {
    setCsrfToken('');
    queryClient.clear();
    setState({ status: 'anonymous', reason });
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await api.get<SessionResponse>('/api/auth/me'));
    } catch {
      signedOut(null);
    }
  }, [accept, signedOut]);

  useEffect(() => {
    handleSessionLost(() => signedOut('expired'));
    void refresh();
    return () => handleSessionLost(null);
  }, [refresh, signedOut]);

  const login = useCallback(
    async (body: LoginBody) => {
      const response = await api.post<SessionResponse>('/api/auth/login', body);
      queryClient.clear();
      accept(response);
      return response.user;
    },
    [accept],
  );

  const logout = useCallback(
    async (reason: SignOutReason = 'logout') => {
      try {
        await api.post('/api/auth/logout');
      } catch {
        // Already gone on the server: signing out here is all that is left to do.
      }
      signedOut(reason);
    },
    [signedOut],
  );

  const signedIn = state.status === 'signed-in';
  useEffect(() => {
    if (!signedIn) return;
    return watchIdle(
      () => void logout('idle'),
      () => void api.get('/api/auth/me').catch(() => {}),
    );
  }, [signedIn, logout]);

  const value = useMemo<Session>(
    () => ({ state, login, logout, accept, refresh }),
    [state, login, logout, accept, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in account (only inside the shell, where there is one). */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe without a signed-in account');
  return state.me;
}

/** Whether the role may ever take an action (for menus and buttons; records carry their own permissions). */
export function useCan(): (capability: Capability) => boolean {
  const me = useMe();
  return useCallback((capability) => me.capabilities[capability] === true, [me]);
}

let lastActivity = Date.now();
let lastShared = 0;

function markActivity(force = false): void {
  lastActivity = Date.now();
  if (force || lastActivity - lastShared > 10_000) {
    lastShared = lastActivity;
    try {
      localStorage.setItem(ACTIVITY_KEY, String(lastActivity));
    } catch {
      // No storage: each tab keeps its own clock.
    }
  }
}

function latestActivity(): number {
  let shared = 0;
  try {
    shared = Number(localStorage.getItem(ACTIVITY_KEY)) || 0;
  } catch {
    shared = 0;
  }
  return Math.max(lastActivity, shared);
}

/** Calls `onIdle` after IDLE_MS without input, and `keepAlive` while the user is active but quiet. */
function watchIdle(onIdle: () => void, keepAlive: () => void): () => void {
  const events = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;
  const onActivity = () => markActivity();
  for (const name of events) window.addEventListener(name, onActivity, { passive: true });
  const check = () => {
    const now = Date.now();
    const last = latestActivity();
    if (now - last >= IDLE_MS) onIdle();
    else if (now - last < CHECK_EVERY_MS * 2 && now - lastRequestTime() >= KEEPALIVE_MS) keepAlive();
  };
  const timer = window.setInterval(check, CHECK_EVERY_MS);
  document.addEventListener('visibilitychange', check);
  return () => {
    for (const name of events) window.removeEventListener(name, onActivity);
    window.clearInterval(timer);
    document.removeEventListener('visibilitychange', check);
  };
}
