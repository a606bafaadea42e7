import { css } from 'lit';

/** The editor's look: its toolbar, panels and text, inside its shadow root (TipTap's own CSS injection is off). */
export const editorStyles = css`
  :host { display: block; }
  .frame { border: 1px solid #6b7385; border-radius: 8px; background: var(--preau-surface, #fff); }
  .frame:focus-within { border-color: var(--preau-accent, #1f5fbf); }
  .toolbar { display: flex; flex-wrap: wrap; gap: 0.25rem 0.5rem; padding: 0.25rem; border-bottom: 1px solid #d5d9e2; background: #f3f5f9; border-radius: 8px 8px 0 0; }
  .group { display: inline-flex; flex-wrap: wrap; gap: 2px; }
  .group + .group { padding-left: 0.5rem; border-left: 1px solid #d5d9e2; }
  /* A phone: the essentials and "Plus" on the first row, the rest (when open) in rows under it. */
  .toolbar.compact .group { flex-wrap: wrap; }
  .toolbar.compact .group + .group { padding-left: 0; border-left: 0; border-top: 1px solid #d5d9e2; padding-top: 0.25rem; flex-basis: 100%; }
  .toolbar.compact .essentials { flex-wrap: nowrap; width: 100%; }
  .tool.more { margin-left: auto; font-weight: 600; padding: 0 0.75rem; }
  .tool { font: inherit; min-width: 2.25rem; min-height: 2.25rem; padding: 0 0.35rem; border: 1px solid transparent; border-radius: 6px; background: transparent; color: var(--preau-fg, #1b1f2a); cursor: pointer; }
  select.tool { border-color: #9aa1b1; background: #fff; max-width: 9rem; }
  .tool:hover { background: #e3e7ef; }
  .tool[aria-pressed='true'], .tool[aria-expanded='true'] { background: #d6e4fa; border-color: var(--preau-accent, #1f5fbf); }
  .tool[aria-disabled='true'] { opacity: 0.45; cursor: default; }
  .tool:focus-visible, .panel button:focus-visible, .panel input:focus-visible, textarea:focus-visible, .alert button:focus-visible {
    outline: var(--preau-focus, 3px solid #f2a900); outline-offset: 1px; }
  .icon { display: inline-flex; align-items: center; justify-content: center; min-width: 1.1em; vertical-align: middle; }
  .icon-bold { font-weight: 700; }
  .icon-italic { font-style: italic; font-family: Georgia, serif; }
  .icon-underline { text-decoration: underline; }
  .icon-textColour { color: #c0392b; font-weight: 700; text-decoration: underline 3px; }
  .icon-backgroundColour { background: #fff3a3; font-weight: 700; padding: 0 0.2em; }
  .icon-source { font-family: ui-monospace, monospace; font-size: 0.85em; }
  @media (pointer: coarse), (max-width: 40rem) {
    .tool, .panel button, .panel input { min-width: 44px; min-height: 44px; }
  }
  .panel { display: flex; flex-wrap: wrap; align-items: flex-end; gap: 0.5rem; padding: 0.75rem; border-bottom: 1px solid #d5d9e2; background: #fbfcfe; }
  .panel-title { flex-basis: 100%; margin: 0; font-weight: 600; }
  .swatches { display: flex; flex-wrap: wrap; gap: 0.35rem; align-items: center; }
  .swatch, .emoji { min-width: 2.5rem; min-height: 2.5rem; border: 1px solid #6b7385; border-radius: 6px; background: #fff; cursor: pointer; font-size: 1.3rem; }
  .swatch span { display: block; width: 1.5rem; height: 1.5rem; margin: auto; border-radius: 4px; }
  .text-button { font: inherit; min-height: 2.5rem; padding: 0.25rem 0.75rem; border: 1px solid #6b7385; border-radius: 6px; background: #fff; cursor: pointer; }
  .text-button.primary { background: var(--preau-accent, #1f5fbf); color: var(--preau-accent-fg, #fff); border-color: var(--preau-accent, #1f5fbf); }
  .field { flex-basis: 100%; }
  .panel input:not([type='checkbox']) { font: inherit; flex: 1 1 16rem; min-height: 2.5rem; padding: 0 0.5rem; border: 1px solid #6b7385; border-radius: 6px; }
  .check { display: flex; gap: 0.35rem; align-items: center; flex-basis: 100%; }
  .error { flex-basis: 100%; margin: 0; color: var(--preau-danger, #b3261e); }
  .error:empty, .alert:empty, .status:empty { display: none; }
  .status { margin: 0; padding: 0.4rem 0.75rem; color: #1f2933; background: #eef4fb; }
  .actions { display: flex; gap: 0.5rem; flex-basis: 100%; }
  .alert { display: flex; gap: 0.75rem; align-items: center; justify-content: space-between; margin: 0; padding: 0.5rem 0.75rem; background: #fdecea; color: #7a1c15; border-bottom: 1px solid #f3b8b2; }
  .alert p { margin: 0; }
  .alert button { font: inherit; min-height: 2.25rem; border: 1px solid currentColor; border-radius: 6px; background: #fff; color: inherit; cursor: pointer; }
  .surface[hidden], textarea[hidden] { display: none; }
  textarea { display: block; box-sizing: border-box; width: 100%; min-height: 14rem; padding: 0.75rem; border: 0; border-radius: 0 0 8px 8px; font: 0.9rem/1.5 ui-monospace, monospace; resize: vertical; }
  .source-label { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }

  .tiptap { min-height: 10rem; padding: 0.75rem 1rem; outline: none; line-height: 1.5; position: relative; word-wrap: break-word; white-space: pre-wrap; white-space: break-spaces; font-variant-ligatures: none; }
  .tiptap:focus-visible { box-shadow: inset 0 0 0 2px var(--preau-accent, #1f5fbf); border-radius: 0 0 8px 8px; }
  .tiptap > :first-child { margin-top: 0; }
  .tiptap p.is-editor-empty:first-child::before { content: attr(data-placeholder); float: left; height: 0; color: #5f6678; pointer-events: none; }
  .tiptap h2 { font-size: 1.4rem; margin: 1rem 0 0.5rem; }
  .tiptap h3 { font-size: 1.15rem; margin: 0.75rem 0 0.5rem; }
  .tiptap blockquote { margin: 0.5rem 0; padding-left: 1rem; border-left: 3px solid #9aa1b1; }
  .tiptap img, .tiptap video { max-width: 100%; height: auto; }
  .tiptap audio { max-width: 100%; }
  .tiptap a { color: var(--preau-accent, #1f5fbf); }
  .tiptap table { border-collapse: collapse; margin: 0.5rem 0; table-layout: fixed; width: 100%; overflow: hidden; }
  .tiptap td, .tiptap th { border: 1px solid #9aa1b1; padding: 0.25rem 0.5rem; vertical-align: top; position: relative; }
  .tiptap th { background: #eef1f6; text-align: left; }
  .tiptap td > p, .tiptap th > p { margin: 0; }
  .tiptap .selectedCell::after { content: ''; position: absolute; inset: 0; background: rgb(31 95 191 / 0.15); pointer-events: none; }
  .tiptap .ProseMirror-selectednode { outline: 3px solid var(--preau-accent, #1f5fbf); }
  .tiptap .ProseMirror-gapcursor { display: none; pointer-events: none; position: absolute; }
  .tiptap .ProseMirror-gapcursor::after { content: ''; display: block; position: absolute; top: -2px; width: 20px; border-top: 1px solid black; animation: blink 1.1s steps(2, start) infinite; }
  .tiptap.ProseMirror-focused .ProseMirror-gapcursor { display: block; }
  @keyframes blink { to { visibility: hidden; } }
  .tiptap [data-type='inline-math'], .tiptap [data-type='block-math'] { cursor: pointer; }
  .tiptap [data-type='block-math'] { display: block; text-align: center; margin: 0.5rem 0; }
  .tiptap .inline-math-error, .tiptap .block-math-error { color: var(--preau-danger, #b3261e); font-family: ui-monospace, monospace; }
`;
