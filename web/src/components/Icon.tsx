/** A few line icons drawn inline (no icon font, no external request). */
const PATHS: Record<string, string> = {
  triage: 'M3 5h18M3 12h12M3 19h6',
  search: 'M11 4a7 7 0 1 1 0 14a7 7 0 0 1 0-14zM16.5 16.5L21 21',
  alerts: 'M6 16V11a6 6 0 0 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0',
  cases: 'M4 7h16v12H4zM9 7V4h6v3',
  outreach: 'M4 5h16v11H8l-4 4z',
  stats: 'M5 20V10M12 20V4M19 20v-7',
  admin: 'M12 8a4 4 0 1 1 0 8a4 4 0 0 1 0-8zM12 2v3M12 19v3M2 12h3M19 12h3',
  audit: 'M6 3h9l4 4v14H6zM9 12h7M9 16h7M9 8h3',
  logout: 'M15 4h4v16h-4M10 8l-4 4 4 4M6 12h10',
  network: 'M6 6a2 2 0 1 0 0.01 0M18 6a2 2 0 1 0 0.01 0M12 18a2 2 0 1 0 0.01 0M7 7l4 9M17 7l-4 9M8 6h8',
};

export function Icon({ name, size = 18 }: { name: string; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name] ?? ''} />
    </svg>
  );
}
