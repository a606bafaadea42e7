import { css } from 'lit';

/** Shared form and button styles of the shell's pages (tokens from `--preau-*` custom properties). */
export const formStyles = css`
  :host { display: block; }
  form { display: grid; gap: 1rem; max-width: 24rem; }
  label { display: grid; gap: 0.35rem; font-weight: 600; }
  input { font: inherit; padding: 0.7rem 0.8rem; border: 1px solid #6b7385; border-radius: 8px; min-height: 44px; box-sizing: border-box; }
  input:focus-visible, button:focus-visible, a:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
  button { font: inherit; font-weight: 600; padding: 0.7rem 1.2rem; border: 0; border-radius: 8px; min-height: 44px;
    background: var(--preau-accent, #1f5fbf); color: var(--preau-accent-fg, #fff); cursor: pointer; }
  button[disabled] { opacity: 0.6; cursor: progress; }
  .error { color: var(--preau-danger, #b3261e); font-weight: 600; }
  .hint { color: var(--preau-muted, #4a5263); font-size: 0.9rem; font-weight: 400; }
  h1 { font-size: 1.6rem; margin: 0 0 1rem; }
`;
