/** The properties of the first VEVENT of an iCalendar text, unfolded; enough to check DTSTART, UID and METHOD. */
export function parseIcs(text: string): { method?: string; event: Record<string, string> } {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r?\n/);
  const event: Record<string, string> = {};
  let method: string | undefined;
  let inEvent = false;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') inEvent = true;
    else if (line === 'END:VEVENT') break;
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    if (!inEvent && name === 'METHOD') method = value;
    if (inEvent)
      event[name.split(';')[0] ?? name] = name.includes(';') ? `${name.slice(name.indexOf(';') + 1)}:${value}` : value;
  }
  return { method, event };
}
