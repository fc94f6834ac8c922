import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, createSenderGuard } from '../../../electron/core/ipc/sender-guard.js';
import { senderOf } from '../../../electron/main/ipc-sender.js';

const guard = createSenderGuard([APP_ORIGIN]);
const page = 'app://license-desk/index.html';

function event(frameUrl: string | null, opts: { main?: boolean; pageUrl?: string } = {}) {
  const frame = frameUrl === null ? null : { url: frameUrl };
  const mainFrame = opts.main === false ? { url: 'other' } : frame;
  return { senderFrame: frame, sender: { mainFrame, getURL: () => opts.pageUrl ?? page } };
}

describe('senderOf', () => {
  it('takes the frame’s URL and whether it is the main frame', () => {
    expect(senderOf(event(page))).toEqual({ url: page, isMainFrame: true });
    expect(guard(senderOf(event(page)))).toBe(true);
  });

  it('accepts the app’s own main frame when senderFrame.url is empty (as under Playwright)', () => {
    expect(senderOf(event(''))).toEqual({ url: page, isMainFrame: true });
    expect(guard(senderOf(event('')))).toBe(true);
  });

  it('never lends the page URL to a subframe, a missing frame, or a page that is not ours', () => {
    expect(guard(senderOf(event('', { main: false })))).toBe(false);
    expect(senderOf(event('', { main: false })).url).toBe('');
    expect(guard(senderOf(event(null)))).toBe(false);
    expect(guard(senderOf(event('', { pageUrl: 'https://evil.example/' })))).toBe(false);
    expect(guard(senderOf(event('https://evil.example/')))).toBe(false);
  });
});
