"use client";

import { useSyncExternalStore } from "react";
import { useHydrated } from "../../_lib/use-hydrated";

/**
 * Opt-in browser notifications (docs/ui.md, Checkpoints): off until the user turns them on here (which asks the
 * browser's permission); then a job that needs an answer while its tab is hidden says so with a notification.
 */
const KEY = "skill-fleet:notify";
const listeners = new Set<() => void>();

const supported = () => typeof window !== "undefined" && "Notification" in window;
const enabled = () => supported() && localStorage.getItem(KEY) === "on" && Notification.permission === "granted";

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function setEnabled(on: boolean): Promise<void> {
  if (on && Notification.permission !== "granted") await Notification.requestPermission();
  localStorage.setItem(KEY, on ? "on" : "off");
  listeners.forEach((listener) => listener());
}

/** Notifies only when the user opted in and is looking at another tab or window. */
export function notifyIfHidden(title: string, body: string, tag: string): void {
  if (document.hidden && enabled()) new Notification(title, { body, tag });
}

export function NotifyToggle() {
  const hydrated = useHydrated();
  const on = useSyncExternalStore(subscribe, enabled, () => false);
  if (!hydrated || !supported()) return null;
  const denied = Notification.permission === "denied";
  return (
    <label className="check notify-toggle" title={denied ? "Notifications are blocked in this browser" : undefined}>
      <input type="checkbox" checked={on} disabled={denied} onChange={(e) => void setEnabled(e.target.checked)} />
      <span>Notify me when a job needs me</span>
    </label>
  );
}
