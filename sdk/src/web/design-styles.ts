import { css } from 'lit';

/**
 * Préau's design system, as shared styles for the shadow roots of the shell and of every app. The values are
 * the `--preau-*` custom properties the shell sets on the page (colours, spacing, type, radius: see the style
 * guide at `/styleguide`); each has a fallback here, so an element also renders outside the shell (its tests).
 *
 * ```ts
 * static styles = [preauStyles, css`.mine { … }`];
 * ```
 * Buttons are filled (`<button>`), `.secondary` (outlined), `.quiet` (text) or `.danger`; fields are a
 * `<label>` around (or before) the input, with `.hint` and `.error`; `.card`, `ul.list`, `.table-wrap` + `table`,
 * `.notice`, `.success`, `.muted`, `.actions` and `.visually-hidden` complete it. The shell's elements
 * (`<preau-menu>`, `<preau-dialog>`, `<preau-tabs>`, `<preau-empty-state>`, toasts) carry their own styles.
 */
export const preauStyles = css`
  :host { display: block; font-family: var(--preau-font, system-ui, sans-serif); color: var(--preau-fg, #1b1f2a); line-height: var(--preau-line-height, 1.5); }
  h1 { font-size: var(--preau-text-h1, 1.6rem); margin: 0 0 var(--preau-space-4, 1rem); }
  h2 { font-size: var(--preau-text-h2, 1.3rem); margin: var(--preau-space-5, 1.5rem) 0 var(--preau-space-3, 0.75rem); }
  h3 { font-size: var(--preau-text-h3, 1.1rem); margin: var(--preau-space-4, 1rem) 0 var(--preau-space-2, 0.5rem); }
  a { color: var(--preau-link, #1f5fbf); }
  :focus-visible { outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 2px; }

  button, .button { font: inherit; font-weight: 600; display: inline-flex; align-items: center; justify-content: center; gap: var(--preau-space-2, 0.5rem);
    min-height: var(--preau-target, 44px); padding: 0.5rem 1.1rem; box-sizing: border-box; border: 2px solid var(--preau-accent, #1f5fbf);
    border-radius: var(--preau-radius-control, 8px); background: var(--preau-accent, #1f5fbf); color: var(--preau-accent-fg, #fff); cursor: pointer; text-decoration: none; }
  button:hover, .button:hover { background: var(--preau-accent-strong, #17498f); border-color: var(--preau-accent-strong, #17498f); }
  button.secondary, .button.secondary { background: var(--preau-surface, #fff); color: var(--preau-accent, #1f5fbf); }
  button.secondary:hover, .button.secondary:hover { background: var(--preau-accent-soft, #eef3fc); }
  button.quiet { background: transparent; border-color: transparent; color: var(--preau-accent, #1f5fbf); padding-inline: var(--preau-space-2, 0.5rem); }
  button.quiet:hover { background: var(--preau-accent-soft, #eef3fc); }
  button.danger { background: var(--preau-danger, #b3261e); border-color: var(--preau-danger, #b3261e); color: #fff; }
  button.danger:hover { background: var(--preau-danger-strong, #8c1d17); }
  button[disabled], button[aria-disabled='true'] { opacity: 0.6; cursor: not-allowed; }
  .actions { display: flex; flex-wrap: wrap; gap: var(--preau-space-3, 0.75rem); align-items: center; }

  /* Grid tracks of minmax(0, 1fr) and fieldsets without their min-content width: a long option or word never
     makes a form wider than a 360 px phone. */
  form { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--preau-space-4, 1rem); max-width: 40rem; }
  label, .field { display: grid; grid-template-columns: minmax(0, 1fr); gap: var(--preau-space-1, 0.25rem); font-weight: 600; min-width: 0; }
  input:not([type='checkbox'], [type='radio']), select, textarea { font: inherit; font-weight: 400; min-height: var(--preau-target, 44px); box-sizing: border-box;
    max-width: 100%; padding: 0.55rem 0.75rem; border: 1px solid var(--preau-border, #6b7385); border-radius: var(--preau-radius-control, 8px);
    background: var(--preau-surface, #fff); color: inherit; }
  textarea { min-height: 6rem; resize: vertical; }
  input[aria-invalid='true'], select[aria-invalid='true'], textarea[aria-invalid='true'] { border: 2px solid var(--preau-danger, #b3261e); }
  label.check, .check { display: flex; align-items: center; gap: var(--preau-space-2, 0.5rem); min-height: var(--preau-target, 44px); font-weight: 400; }
  .check input { width: 1.25rem; height: 1.25rem; margin: 0; }
  fieldset { min-inline-size: 0; min-width: 0; border: 1px solid var(--preau-border-subtle, #d5d9e2); border-radius: var(--preau-radius-control, 8px); padding: var(--preau-space-3, 0.75rem) var(--preau-space-4, 1rem); display: grid; gap: var(--preau-space-3, 0.75rem); }
  legend { font-weight: 600; padding: 0 var(--preau-space-1, 0.25rem); }
  .hint, .muted { color: var(--preau-muted, #4a5263); font-size: var(--preau-text-small, 0.9rem); font-weight: 400; }
  .error { color: var(--preau-danger, #b3261e); font-weight: 600; }
  .success { color: var(--preau-success, #1d6b35); font-weight: 600; }
  .notice { border-left: 4px solid var(--preau-warning-border, #f2a900); background: var(--preau-warning-soft, #fff8e6); padding: var(--preau-space-3, 0.75rem) var(--preau-space-4, 1rem); margin: 0 0 var(--preau-space-4, 1rem); }

  .card { background: var(--preau-surface, #fff); border-radius: var(--preau-radius, 10px); padding: var(--preau-space-4, 1rem); box-shadow: var(--preau-shadow, 0 1px 3px rgb(0 0 0 / 0.15)); }
  .cards { list-style: none; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(16rem, 100%), 1fr)); gap: var(--preau-space-4, 1rem); padding: 0; margin: 0; }
  ul.list, ol.list { list-style: none; margin: 0; padding: 0; background: var(--preau-surface, #fff); border-radius: var(--preau-radius, 10px); box-shadow: var(--preau-shadow, 0 1px 3px rgb(0 0 0 / 0.15)); }
  .list > li { padding: var(--preau-space-3, 0.75rem) var(--preau-space-4, 1rem); border-bottom: 1px solid var(--preau-border-subtle, #d5d9e2); min-height: var(--preau-target, 44px); box-sizing: border-box; }
  .list > li:last-child { border-bottom: 0; }
  ul.plain, ol.plain { list-style: none; padding: 0; margin: 0; }

  /* A table wider than a phone scrolls inside its wrap, not the page; give the wrap tabindex="0" role="region" and an
     aria-label so that keyboards can scroll it too. */
  .table-wrap { overflow-x: auto; max-width: 100%; }
  table { border-collapse: collapse; width: 100%; background: var(--preau-surface, #fff); }
  caption { text-align: left; font-weight: 700; padding: var(--preau-space-2, 0.5rem) 0; }
  th, td { text-align: left; padding: var(--preau-space-2, 0.5rem) 0.6rem; border-bottom: 1px solid var(--preau-border-subtle, #d5d9e2); vertical-align: top; }
  thead th { background: var(--preau-surface-alt, #eef1f7); }
  td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }

  .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  img, video { max-width: 100%; height: auto; }
  /* The styles above set display on buttons, labels and forms: the hidden attribute must still hide them. */
  [hidden] { display: none !important; }
`;
