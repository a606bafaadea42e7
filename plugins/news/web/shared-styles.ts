import { css } from 'lit';

/** Form and button styles every news element shares (44 px targets, visible focus, contrast AA). */
export const formStyles = css`
  :host { display: block; }
  label { display: grid; gap: 0.25rem; font-weight: 600; }
  input, select, textarea { font: inherit; min-height: 44px; padding: 0.4rem 0.6rem; border: 1px solid #6b7385; border-radius: 8px; }
  fieldset { border: 1px solid #c5cad3; border-radius: 8px; display: grid; gap: 0.75rem; padding: 0.75rem 1rem; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  .check { display: flex; gap: 0.5rem; align-items: center; font-weight: normal; }
  .check input { min-height: auto; width: 1.25rem; height: 1.25rem; }
  form { display: grid; gap: 1rem; max-width: 48rem; }
  .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; }
  button { font: inherit; min-height: 44px; padding: 0.5rem 1rem; border-radius: 8px; border: 1px solid #1f5fbf; background: #fff; color: #1f5fbf; cursor: pointer; }
  button.primary { background: #1f5fbf; color: #fff; }
  button:focus-visible, input:focus-visible, select:focus-visible, a:focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }
  [role='alert'] { color: #b3261e; font-weight: 600; }
  ul.files { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.25rem; }
  ul.files button { min-height: 44px; min-width: 44px; padding: 0 0.5rem; margin-left: 0.5rem; }
  .attachments figure { margin: 0.75rem 0; }
  .attachments img { max-width: 100%; height: auto; border-radius: 8px; }
`;
