const pad = (value: number) => String(value).padStart(2, '0');

/** An ISO instant as a datetime-local input shows it, in the viewer's time zone: "2026-11-27T08:15". */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return '';
  }
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value (the viewer's time zone) as an ISO instant; '' stays ''. */
export function fromLocalInput(local: string): string {
  if (!local) {
    return '';
  }
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}
