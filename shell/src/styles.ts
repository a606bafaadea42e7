import { css } from 'lit';

/** Shared form and button styles of the shell's pages (tokens from `--preau-*` custom properties). */
export const formStyles = css`
  :host { display: block; }
  form { display: grid; gap: 1rem; max-width: 24rem; }
  label { display: grid; gap: 0.35rem; font-weight: 600; }
  input, select { font: inherit; font-weight: 400; padding: 0.7rem 0.8rem; border: 1px solid #6b7385; border-radius: 8px; min-height: 44px; box-sizing: border-box; background: #fff; color: inherit; }
  input:focus-visible, select:focus-visible, button:focus-visible, a:focus-visible, [tabindex]:focus-visible, summary:focus-visible {
    outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
  button { font: inherit; font-weight: 600; padding: 0.7rem 1.2rem; border: 0; border-radius: 8px; min-height: 44px;
    background: var(--preau-accent, #1f5fbf); color: var(--preau-accent-fg, #fff); cursor: pointer; }
  button.secondary { background: #fff; color: var(--preau-accent, #1f5fbf); border: 2px solid var(--preau-accent, #1f5fbf); }
  button.danger { background: var(--preau-danger, #b3261e); color: #fff; }
  button[disabled] { opacity: 0.6; cursor: progress; }
  a { color: var(--preau-accent, #1f5fbf); }
  .error { color: var(--preau-danger, #b3261e); font-weight: 600; }
  .success { color: #1d6b35; font-weight: 600; }
  .hint { color: var(--preau-muted, #4a5263); font-size: 0.9rem; font-weight: 400; }
  .field { display: grid; gap: 0.35rem; }
  .field .hint { margin: 0; }
  h1 { font-size: 1.6rem; margin: 0 0 1rem; }
  h2 { font-size: 1.3rem; margin: 1.5rem 0 0.75rem; }
  h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
  .check { display: flex; align-items: center; gap: 0.6rem; min-height: 44px; }
  .check input { width: 1.4rem; height: 1.4rem; min-height: 0; margin: 0; }
  .links { list-style: none; padding: 0; margin: 1.5rem 0 0; display: grid; gap: 0.25rem; }
  .links a { display: inline-flex; align-items: center; min-height: 44px; }
  .actions { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: center; }
  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;

/** Tables and panels of the account and administration pages. */
export const tableStyles = css`
  .table-wrap { overflow-x: auto; }
  table { border-collapse: collapse; width: 100%; background: var(--preau-surface, #fff); }
  caption { text-align: left; font-weight: 700; padding: 0.5rem 0; }
  th, td { text-align: left; padding: 0.5rem 0.6rem; border-bottom: 1px solid #d5d9e2; vertical-align: top; }
  th { background: #eef1f7; }
  td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
  td button { padding: 0.45rem 0.8rem; }
  .panel { background: var(--preau-surface, #fff); border-radius: var(--preau-radius, 10px); padding: 1rem; box-shadow: 0 1px 3px rgb(0 0 0 / 0.15); margin: 0 0 1rem; }
  .notice { border-left: 4px solid #f2a900; background: #fff8e6; padding: 0.75rem 1rem; margin: 0 0 1rem; }
  .state-pending { color: #8a4b00; }
  .state-active { color: #1d6b35; }
  .state-blocked { color: var(--preau-danger, #b3261e); font-weight: 600; }
  ul.plain { list-style: none; padding: 0; margin: 0; }
`;
