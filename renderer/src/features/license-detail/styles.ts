/** Identifiers and keys in monospace, so digits line up and are easy to compare with the portal. */
export const MONO_FONT = 'ui-monospace, "Cascadia Mono", Consolas, monospace';

/** Text for screen readers only: present in the accessibility tree, not on screen. */
export const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;
