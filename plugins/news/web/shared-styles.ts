import { css } from 'lit';
import { preauStyles } from '@preau/sdk/web';

/**
 * The styles every news element shares: Préau's design system (`preauStyles`: buttons, fields, cards, lists,
 * focus, contrast AA) and the few layouts of the news forms.
 */
export const formStyles = [
  preauStyles,
  css`
    form { max-width: 48rem; }
    [role='alert'] { color: var(--preau-danger, #b3261e); font-weight: 600; }
    ul.files { list-style: none; padding: 0; margin: 0; display: grid; gap: var(--preau-space-1, 0.25rem); }
    ul.files button { min-width: var(--preau-target, 44px); padding: 0 var(--preau-space-2, 0.5rem); margin-left: var(--preau-space-2, 0.5rem); }
    .attachments figure { margin: var(--preau-space-3, 0.75rem) 0; }
    .attachments img { border-radius: var(--preau-radius-control, 8px); }
  `,
];
