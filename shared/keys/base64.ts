/*
 * Strict standard-alphabet base64 for license keys, built on atob/btoa so it runs unchanged in
 * the renderer and in Node 20.
 *
 * Policy:
 * - Only `A–Z a–z 0–9 + /` and trailing `=`. URL-safe `-`/`_`, whitespace and anything else
 *   are rejected: atob would silently drop whitespace, and a key that needed repair is one we
 *   should not quietly accept.
 * - Padding is optional, because keys are often copied without their trailing `=`. If padding
 *   is present it must be exactly right.
 * - The unused low bits of the last character must be zero. Standard encoders always write
 *   zeros there, so anything else means the tail of the key was altered, and accepting it
 *   would let two different strings decode to the same key.
 */

const BODY = /^[A-Za-z0-9+/]*$/;

export type Base64Problem = 'alphabet' | 'length';

export type Base64Result = { ok: true; bytes: Uint8Array } | { ok: false; problem: Base64Problem };

export function decodeBase64Strict(text: string): Base64Result {
  // A loop rather than /=+$/, whose backtracking is quadratic on long runs of '='.
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  const body = text.slice(0, end);
  const padCount = text.length - end;
  if (!BODY.test(body)) return { ok: false, problem: 'alphabet' };
  if (padCount > 2) return { ok: false, problem: 'length' };
  if (padCount > 0 ? text.length % 4 !== 0 : body.length % 4 === 1) {
    return { ok: false, problem: 'length' };
  }

  const padded = body + '='.repeat((4 - (body.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return { ok: false, problem: 'length' };
  }
  // Re-encoding is the cheapest way to catch non-zero trailing bits.
  if (btoa(binary) !== padded) return { ok: false, problem: 'length' };

  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { ok: true, bytes };
}

export function encodeBase64(bytes: Uint8Array): string {
  // Chunked so String.fromCharCode never receives more arguments than the engine allows.
  const CHUNK = 0x2000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

/** `fatal` so bytes that are not UTF-8 are reported instead of turning into U+FFFD. */
export function decodeUtf8Strict(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function encodeUtf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
