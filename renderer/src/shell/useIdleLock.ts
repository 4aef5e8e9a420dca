// Locks the workstation after the clinic's idle time with no pointer or key
// activity. Activity only records a timestamp (cheap on every mouse move); a
// coarse interval compares it with the clock, so a sleeping laptop that wakes
// past the deadline locks at once instead of waiting for a stale timer. The
// core enforces the same lock itself; the interval also tells it, at most
// every 30 s, that the user is active (session.touch).
import { useEffect } from 'react';
import { api } from '../api/client';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
const CHECK_EVERY_MS = 5_000;
const REPORT_EVERY_MS = 30_000;

export function useIdleLock(idleMinutes: number, onIdle: () => void): void {
  useEffect(() => {
    const idleMs = Math.max(1, idleMinutes) * 60_000;
    let last = Date.now();
    let reported = last;
    let fired = false;
    const touch = () => {
      last = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) {
      window.addEventListener(name, touch, { passive: true, capture: true });
    }
    const timer = window.setInterval(() => {
      if (!fired && Date.now() - last >= idleMs) {
        fired = true;
        onIdle();
      } else if (!fired && last > reported && Date.now() - reported >= REPORT_EVERY_MS) {
        reported = last;
        // A refusal (the core locked first) is handled by the client's session-lost path.
        api('session.touch', {}).catch(() => undefined);
      }
    }, CHECK_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      for (const name of ACTIVITY_EVENTS)
        window.removeEventListener(name, touch, { capture: true });
    };
  }, [idleMinutes, onIdle]);
}
