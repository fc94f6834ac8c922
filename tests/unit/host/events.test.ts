import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { EVENTS_PATH, IPC_PATH, TOKEN_HEADER } from '../../../electron/host/bridge.js';
import { hostHarness } from './host-harness.js';
import { newLicenseInput } from '../../fixtures/builders.js';

const { tmp, start: startWith } = hostHarness();
const start = () => startWith({ saveFolder: tmp.make('license-desk-saved-') });

/** Opens the event stream and collects `event:` frames until `count` have arrived. */
function listen(origin: string, query: string) {
  const frames: { event: string; data: unknown }[] = [];
  let status = 0;
  let buffer = '';
  const waiters: (() => void)[] = [];
  const ready = new Promise<void>((resolve, reject) => {
    const req = http.get(`${origin}${EVENTS_PATH}${query}`, (res) => {
      status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) frames.push({ event, data: JSON.parse(data) });
          else if (block.startsWith(':')) resolve();
          waiters.splice(0).forEach((w) => w());
        }
      });
      if (status !== 200) resolve();
    });
    req.on('error', reject);
  });
  const until = async (count: number) => {
    while (frames.length < count) await new Promise<void>((r) => waiters.push(r));
    return frames;
  };
  return { ready, until, status: () => status };
}

describe('browser host events (server-sent)', () => {
  it('refuses the stream without the token', async () => {
    const host = await start();
    const none = listen(host.origin, '');
    await none.ready;
    expect(none.status()).toBe(401);
    const wrong = listen(host.origin, `?token=${'x'.repeat(32)}`);
    await wrong.ready;
    expect(wrong.status()).toBe(401);
  });

  it('tells an open page which data changed after a write, and nothing after a read', async () => {
    const host = await start();
    const stream = listen(host.origin, `?token=${encodeURIComponent(host.token)}`);
    await stream.ready;
    expect(stream.status()).toBe(200);
    const call = (channel: string, input: unknown) =>
      fetch(`${host.origin}${IPC_PATH}${channel}`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: host.token }, body: JSON.stringify({ input }) });
    await call('products:list', undefined);
    const created = (await (await call('licenses:create', newLicenseInput())).json()) as { ok: boolean };
    expect(created.ok).toBe(true);
    const frames = await stream.until(1);
    expect(frames).toEqual([{ event: 'data:changed', data: { domains: ['licenses', 'usage'] } }]);
  });

  it('passes notifications to the page as a host event', async () => {
    const host = await start();
    const stream = listen(host.origin, `?token=${encodeURIComponent(host.token)}`);
    await stream.ready;
    host.core.platform.notify({ title: 'Renewal due', body: 'DBR-1 expires in 14 days' });
    expect(await stream.until(1)).toEqual([{ event: 'host:notify', data: { title: 'Renewal due', body: 'DBR-1 expires in 14 days' } }]);
  });
});
