/** Text for screen readers only (an icon-only column's header, say): present in the accessibility tree, not drawn. */
export const VISUALLY_HIDDEN = { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;
