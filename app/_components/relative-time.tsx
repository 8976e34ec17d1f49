"use client";

import { useEffect, useState } from "react";
import { exactTime, relativeTime } from "../_lib/format";

const TICK_MS = 30_000;

/** The current time, refreshed every 30 s, for texts such as "in 23 hr." that age while the page is open. */
function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * "in 23 hr." / "5 min. ago", with the exact time in the reader's locale on hover and in `dateTime`. The server
 * renders it with its own clock and time zone; the browser's take wins (hence the hydration warning is muted).
 */
export function RelativeTime({ date, prefix = "" }: { date: Date; prefix?: string }) {
  const now = useNow();
  const exact = exactTime(date);
  return (
    <time dateTime={date.toISOString()} title={exact} suppressHydrationWarning>
      {prefix}
      {relativeTime(date, now)}
      <span className="visually-hidden" suppressHydrationWarning>
        {" "}
        ({exact})
      </span>
    </time>
  );
}
