import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../electron/core/events/bus.js';
import { changedDomains } from '../../../shared/ipc/data-changes.js';
import { DATA_DOMAINS, type EventPayload } from '../../../shared/ipc/events.js';

describe('event bus', () => {
  it('delivers checked payloads to every listener until it unsubscribes', () => {
    const bus = createEventBus();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const offA = bus.subscribe((name, p) => a.push([name, p]));
    bus.subscribe((name, p) => b.push([name, p]));
    bus.emit('data:changed', { domains: ['licenses'] });
    offA();
    bus.emit('data:changed', { domains: ['settings'] });
    expect(a).toEqual([['data:changed', { domains: ['licenses'] }]]);
    expect(b).toHaveLength(2);
  });

  it('never sends a payload that does not match its schema, and says so by name only', () => {
    const logged: string[] = [];
    const bus = createEventBus((m) => logged.push(m));
    const got: unknown[] = [];
    bus.subscribe((_n, p) => got.push(p));
    bus.emit('data:changed', { domains: ['nonsense'] } as unknown as EventPayload<'data:changed'>);
    bus.emit('job:progress', { jobId: 'j1', secret: 'LICENSE-KEY' } as unknown as EventPayload<'job:progress'>);
    expect(got).toEqual([]);
    expect(logged).toEqual(['[events] data:changed payload does not match its schema; not sent', '[events] job:progress payload does not match its schema; not sent']);
  });

  it('keeps delivering when one listener throws', () => {
    const logged: string[] = [];
    const bus = createEventBus((m) => logged.push(m));
    const got: unknown[] = [];
    bus.subscribe(() => {
      throw new Error('boom');
    });
    bus.subscribe((_n, p) => got.push(p));
    bus.emit('data:changed', { domains: ['keys'] });
    expect(got).toEqual([{ domains: ['keys'] }]);
    expect(logged).toEqual(['[events] a data:changed listener failed: boom']);
  });
});

describe('which data a write changes', () => {
  it('names the channel’s own domain and what it also touches', () => {
    expect(changedDomains('settings:update')).toEqual(['settings']);
    expect(changedDomains('import:commit')).toEqual(['import', 'licenses', 'usage']);
    expect(DATA_DOMAINS).toEqual(expect.arrayContaining(['licenses', 'usage', 'keys', 'import', 'settings', 'products', 'projects', 'dashboard', 'app']));
  });
});
