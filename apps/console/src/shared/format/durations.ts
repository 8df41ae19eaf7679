import { formatNumber } from './numbers';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

const oneDecimal = (value: number) => formatNumber(Math.round(value * 10) / 10);

/**
 * A duration in milliseconds as a person reads it: "850 ms", "1.2 s", "4 min 5 s", "2 h 10 min".
 * Sub-second values keep milliseconds, so a fast automation does not read as "0 s".
 */
export function formatDuration(ms: number): string {
  if (ms < SECOND) {
    return `${formatNumber(Math.round(ms))} ms`;
  }
  if (ms < MINUTE) {
    return `${oneDecimal(ms / SECOND)} s`;
  }
  if (ms < HOUR) {
    const minutes = Math.floor(ms / MINUTE);
    const seconds = Math.round((ms % MINUTE) / SECOND);
    return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
  }
  const hours = Math.floor(ms / HOUR);
  const minutes = Math.round((ms % HOUR) / MINUTE);
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/** A short form for chart axes: "850ms", "1.2s", "4.1m", "2.2h". */
export function formatDurationShort(ms: number): string {
  if (ms < SECOND) {
    return `${Math.round(ms)}ms`;
  }
  if (ms < MINUTE) {
    return `${oneDecimal(ms / SECOND)}s`;
  }
  if (ms < HOUR) {
    return `${oneDecimal(ms / MINUTE)}m`;
  }
  return `${oneDecimal(ms / HOUR)}h`;
}
