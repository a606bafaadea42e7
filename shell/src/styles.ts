import { css } from 'lit';
import { preauStyles } from '@preau/sdk/web';

/**
 * The shell pages' styles: the design system's shared styles (`preauStyles`, the same every app uses) and the
 * few layouts of the shell's own forms.
 */
export const formStyles = [
  preauStyles,
  css`
    form { max-width: 24rem; }
    .field .hint { margin: 0; }
    .links { list-style: none; padding: 0; margin: 1.5rem 0 0; display: grid; gap: 0.25rem; }
    .links a { display: inline-flex; align-items: center; min-height: 44px; }
    .check input { width: 1.4rem; height: 1.4rem; }
  `,
];

/** Tables and panels of the account and administration pages. */
export const tableStyles = css`
  td button { padding: 0.45rem 0.8rem; min-height: 40px; }
  .panel { background: var(--preau-surface, #fff); border-radius: var(--preau-radius, 10px); padding: 1rem; box-shadow: var(--preau-shadow, 0 1px 3px rgb(0 0 0 / 0.15)); margin: 0 0 1rem; }
  .state-pending { color: var(--preau-warning, #8a4b00); }
  .state-active { color: var(--preau-success, #1d6b35); }
  .state-blocked { color: var(--preau-danger, #b3261e); font-weight: 600; }
  ul.plain { list-style: none; padding: 0; margin: 0; }
`;
