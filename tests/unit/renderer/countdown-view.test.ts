import { describe, expect, it } from 'vitest';
import type { LicenseItem } from '../../../shared/domain/license';
import { DEFAULT_STATUS_SETTINGS } from '../../../shared/status/index';
import { countdownView } from '../../../renderer/src/components/Countdown';

const NOW = new Date(2026, 6, 10, 14, 30);
const item = (over: Partial<LicenseItem>): LicenseItem =>
  ({ activationStatus: 'activated', expiresOn: '2026-08-09', renewedById: null, term: 'annual', ...over }) as LicenseItem;

describe('countdownView', () => {
  it('counts down a running license in its time state', () => {
    expect(countdownView(item({}), NOW, DEFAULT_STATUS_SETTINGS)).toEqual({ muted: false, text: '30 days', state: 'expiring-amber' });
  });

  it('keeps the time left of a renewed license that still runs, muted and marked renewed', () => {
    expect(countdownView(item({ renewedById: 7 }), NOW, DEFAULT_STATUS_SETTINGS)).toEqual({ muted: true, text: '30 days (renewed)' });
  });

  it('says only "Renewed" once the renewed license has ended, or when it has no date to count to', () => {
    expect(countdownView(item({ renewedById: 7, expiresOn: '2026-07-01' }), NOW, DEFAULT_STATUS_SETTINGS)).toEqual({ muted: true, text: 'Renewed' });
    expect(countdownView(item({ renewedById: 7, activationStatus: 'new', expiresOn: null }), NOW, DEFAULT_STATUS_SETTINGS)).toEqual({ muted: true, text: 'Renewed' });
  });
});
