import { HEADLINE_LABELS, type Headline, type StatusSettings, type StatusTone } from '../../../../shared/status/index';

export interface StatusGroup {
  key: string;
  title: string;
  /** Shown under the count: what the card means, or how a merged card splits. */
  hint(settings: StatusSettings): string;
  tone: StatusTone;
  headlines: Headline[];
  /** Short words for each headline in a merged card's breakdown, where the full labels would not fit. */
  parts?: Partial<Record<Headline, string>>;
}

const single = (headline: Headline, hint: (s: StatusSettings) => string): StatusGroup => ({
  key: headline,
  title: HEADLINE_LABELS[headline].label,
  hint,
  tone: HEADLINE_LABELS[headline].tone,
  headlines: [headline],
});

/**
 * One card per headline a person acts on, most severe first (HEADLINE_PRECEDENCE, with renewed last
 * because it is history). Blocked and grace share a card, as do the two high-quota states: each pair
 * has the same remedy (add quota), and eight cards still fit one row.
 */
export const STATUS_GROUPS: StatusGroup[] = [
  single('expired', () => 'The SDK has stopped'),
  single('expiring-red', (s) => `${s.redDays} days or less left`),
  single('expiring-amber', (s) => `${s.redDays + 1}–${s.amberDays} days left`),
  {
    key: 'over-quota',
    title: 'Over quota',
    hint: () => `${HEADLINE_LABELS.blocked.label} or ${HEADLINE_LABELS.grace.label.toLowerCase()}`,
    tone: 'error',
    headlines: ['blocked', 'grace'],
    parts: { blocked: 'over limit', grace: 'in grace' },
  },
  {
    key: 'quota-80',
    title: 'Quota ≥ 80 %',
    hint: () => `${HEADLINE_LABELS['quota-high'].label} or used up`,
    tone: 'warning',
    headlines: ['quota-full', 'quota-high'],
    parts: { 'quota-full': 'used up', 'quota-high': 'nearly used' },
  },
  single('not-activated', () => 'Term starts at activation'),
  single('active', () => 'No action needed'),
  single('renewed', () => 'Replaced by a newer term'),
];

export function groupCount(group: StatusGroup, counts: Partial<Record<Headline, number>>): number {
  return group.headlines.reduce((sum, h) => sum + (counts[h] ?? 0), 0);
}

/** "2 over limit · 1 in grace" for merged cards; null when the card holds one headline. */
export function groupBreakdown(group: StatusGroup, counts: Partial<Record<Headline, number>>): string | null {
  if (group.headlines.length < 2) return null;
  return group.headlines.map((h) => `${counts[h] ?? 0} ${group.parts?.[h] ?? HEADLINE_LABELS[h].label.toLowerCase()}`).join(' · ');
}
