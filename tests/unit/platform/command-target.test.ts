import { describe, expect, it } from 'vitest';
import { commandTarget } from '../../../renderer/src/app/command-target';

describe('commandTarget', () => {
  it('opens Settings as a page, without a command left over', () => {
    expect(commandTarget('settings', 'dashboard')).toEqual({ page: 'settings', navigate: true, pending: null });
    expect(commandTarget('settings', 'settings')).toEqual({ page: 'settings', navigate: false, pending: null });
  });

  it('carries New, Import, Export and Find out on the Licenses page, opening it first when elsewhere', () => {
    for (const c of ['new', 'import', 'export', 'find'] as const) {
      expect(commandTarget(c, 'projects')).toEqual({ page: 'licenses', navigate: true, pending: c });
      expect(commandTarget(c, 'licenses')).toEqual({ page: 'licenses', navigate: false, pending: c });
    }
  });

  it('leaves the shortcuts dialog to the shell, on any page', () => {
    expect(commandTarget('shortcuts', 'projects')).toEqual({ page: null, navigate: false, pending: null });
  });
});
