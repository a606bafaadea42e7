import { css } from 'lit';

/** The app's common look: 44 px targets, visible focus, AA contrast, one column at 360 px. */
export const documentsStyles = css`
  :host { display: block; }
  button, input, select, .button { font: inherit; min-height: 44px; border-radius: 8px; border: 1px solid #6b7385; padding: 0 0.75rem; background: #fff; color: #1d2330; box-sizing: border-box; }
  button.primary, .button.primary { background: var(--preau-accent, #1f5fbf); color: var(--preau-accent-fg, #fff); border-color: transparent; }
  button { cursor: pointer; }
  .button { display: inline-flex; align-items: center; text-decoration: none; }
  :is(input, select, button, a, summary):focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
  .toolbar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; margin: 0.75rem 0; }
  .toolbar label { display: grid; gap: 0.25rem; font-size: 0.9rem; }
  .muted { color: var(--preau-muted, #4a5263); font-size: 0.9rem; }
  [role='alert'] { color: var(--preau-danger, #b3261e); }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  dialog { border: none; border-radius: 12px; padding: 1rem; max-width: min(32rem, 92vw); box-shadow: 0 8px 30px rgb(0 0 0 / 0.3); }
  dialog form { display: grid; gap: 0.75rem; }
  dialog .actions { display: flex; gap: 0.5rem; justify-content: end; flex-wrap: wrap; }
`;
