import { onOpenDigest } from '../../api/client';
import { useRoute } from '../../app/route';

/** A clicked desktop digest opens the notifications page at that day's digest. */
export function listenForDigestClicks(): () => void {
  return onOpenDigest(({ day }) => useRoute.getState().go({ page: 'notifications', day }));
}
