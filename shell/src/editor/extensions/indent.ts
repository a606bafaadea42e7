import { Extension, type CommandProps } from '@tiptap/core';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    indent: {
      /** Nests the list item, or moves the paragraphs and headings of the selection one step right. */
      indent: () => ReturnType;
      /** Un-nests the list item, or moves the paragraphs and headings one step left. */
      outdent: () => ReturnType;
      /** Puts the paragraphs and headings of the selection back at the margin. */
      resetIndent: () => ReturnType;
    };
  }
}

/** One step of indentation, in em so that it follows the text size; the schema stores it as `margin-left`. */
const STEP_EM = 2;
const MAX_STEPS = 8;
const TYPES = ['paragraph', 'heading'];

function steps(element: HTMLElement): number {
  const match = /^(\d+(?:\.\d+)?)em$/.exec(element.style.marginLeft);
  return match ? Math.min(MAX_STEPS, Math.round(Number(match[1]) / STEP_EM)) : 0;
}

function shift(by: number) {
  return ({ state, tr, dispatch }: CommandProps): boolean => {
    const { from, to } = state.selection;
    let changed = false;
    state.doc.nodesBetween(from, to, (node, pos) => {
      if (!TYPES.includes(node.type.name)) return true;
      const indent = Math.max(0, Math.min(MAX_STEPS, (Number(node.attrs.indent) || 0) + by));
      if (indent !== node.attrs.indent) {
        tr.setNodeMarkup(pos, undefined, { ...node.attrs, indent });
        changed = true;
      }
      return false;
    });
    if (changed) dispatch?.(tr);
    return changed;
  };
}

/**
 * Indent and outdent, as the reference ENT's toolbar has them: inside a list they nest the item (the list
 * keeps its structure), elsewhere they move paragraphs and headings by steps of `margin-left`.
 */
export const Indent = Extension.create({
  name: 'indent',

  addGlobalAttributes() {
    return [{
      types: TYPES,
      attributes: {
        indent: {
          default: 0,
          parseHTML: (element: HTMLElement) => steps(element),
          renderHTML: (attributes: { indent?: number }) => (attributes.indent ? { style: `margin-left: ${attributes.indent * STEP_EM}em` } : {}),
        },
      },
    }];
  },

  addCommands() {
    return {
      indent: () => (props) => (props.editor.isActive('listItem') ? props.commands.sinkListItem('listItem') : shift(1)(props)),
      outdent: () => (props) => (props.editor.isActive('listItem') ? props.commands.liftListItem('listItem') : shift(-1)(props)),
      resetIndent: () => (props) => shift(-MAX_STEPS)(props),
    };
  },

  addKeyboardShortcuts() {
    return {
      'Mod-]': () => this.editor.commands.indent(),
      'Mod-[': () => this.editor.commands.outdent(),
    };
  },
});
