import type { ChainedCommands, Editor } from '@tiptap/core';

/**
 * A chain of commands on the text, which takes the focus now. TipTap's `focus()` gives it back in the next frame
 * and then puts back the selection it had: a key pressed in between (End, right after choosing a colour) was
 * undone, and the next tool applied to the old selection. Focused at once, the text is where the user sees it.
 */
export function focusedChain(editor: Editor): ChainedCommands {
  editor.view.focus();
  return editor.chain();
}
