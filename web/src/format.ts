// Dates, platforms and statuses as an admin reads them.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function when(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dateTime.format(new Date(iso));
}

const PLATFORMS: Record<string, string> = {
  ANDROID: 'Android',
  IOS: 'iOS',
  IPADOS: 'iPadOS',
  LINUX: 'Linux',
  MACOS: 'macOS',
  OTHER: 'Other',
  WEB: 'Web',
  WINDOWS: 'Windows',
};

export function platform(name: string, version?: string | null): string {
  const label = PLATFORMS[name] ?? name;
  return version ? `${label} ${version}` : label;
}

export function app(name?: string | null, version?: string | null): string {
  if (!name && !version) return '—';
  return [name, version].filter(Boolean).join(' ');
}

export function status(value: string): string {
  return value.charAt(0) + value.slice(1).toLowerCase();
}

export function kind(value: string): string {
  const words = value.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
