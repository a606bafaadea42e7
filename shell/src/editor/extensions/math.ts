import { Node } from '@tiptap/core';
import { drawFormula, isSafeLatex } from '../../rich-text/draw-formula.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    math: {
      insertInlineMath: (options: { latex: string }) => ReturnType;
      insertBlockMath: (options: { latex: string }) => ReturnType;
      updateInlineMath: (options: { latex: string; pos: number }) => ReturnType;
      updateBlockMath: (options: { latex: string; pos: number }) => ReturnType;
    };
  }
}

/** Where a formula was clicked, to edit it. */
export type FormulaClick = (kind: 'inline' | 'block', latex: string, pos: number) => void;

function mathNode(kind: 'inline' | 'block', onClick: FormulaClick) {
  const inline = kind === 'inline';
  const tag = inline ? 'span' : 'div';
  const type = `${kind}-math`;
  return Node.create({
    name: `${kind}Math`,
    group: inline ? 'inline' : 'block',
    inline,
    atom: true,
    selectable: true,

    addAttributes() {
      return {
        latex: {
          default: '',
          parseHTML: (element: HTMLElement) => {
            const latex = element.getAttribute('data-latex') ?? '';
            return isSafeLatex(latex) ? latex : '';
          },
          renderHTML: (attributes: { latex?: string }) => ({ 'data-latex': attributes.latex ?? '' }),
        },
      };
    },

    parseHTML() {
      return [{ tag: `${tag}[data-type="${type}"]` }];
    },

    renderHTML({ HTMLAttributes }) {
      return [tag, { 'data-type': type, ...HTMLAttributes }];
    },

    addNodeView() {
      return ({ node, getPos }) => {
        const dom = document.createElement(tag);
        dom.dataset.type = type;
        let latex = String(node.attrs.latex ?? '');
        drawFormula(latex, dom, !inline);
        dom.addEventListener('click', () => {
          const pos = getPos();
          if (typeof pos === 'number' && this.editor.isEditable) onClick(kind, latex, pos);
        });
        return {
          dom,
          update: (updated) => {
            if (updated.type !== node.type) return false;
            if (updated.attrs.latex !== latex) drawFormula((latex = String(updated.attrs.latex ?? '')), dom, !inline);
            return true;
          },
          ignoreMutation: () => true,
        };
      };
    },
  });
}

/**
 * Formulas, in the HTML of @tiptap/extension-mathematics (`span[data-type=inline-math]`,
 * `div[data-type=block-math]`, LaTeX in `data-latex`), without its static import of KaTeX.
 */
export function mathNodes(onClick: FormulaClick) {
  const inline = mathNode('inline', onClick).extend({
    addCommands() {
      return {
        insertInlineMath: ({ latex }) => ({ commands }) => isSafeLatex(latex) && commands.insertContent({ type: this.name, attrs: { latex } }),
        updateInlineMath: ({ latex, pos }) => ({ tr, dispatch }) => {
          if (!isSafeLatex(latex) || tr.doc.nodeAt(pos)?.type.name !== this.name) return false;
          dispatch?.(tr.setNodeMarkup(pos, undefined, { latex }));
          return true;
        },
      };
    },
  });
  const block = mathNode('block', onClick).extend({
    addCommands() {
      return {
        insertBlockMath: ({ latex }) => ({ commands }) => isSafeLatex(latex) && commands.insertContent({ type: this.name, attrs: { latex } }),
        updateBlockMath: ({ latex, pos }) => ({ tr, dispatch }) => {
          if (!isSafeLatex(latex) || tr.doc.nodeAt(pos)?.type.name !== this.name) return false;
          dispatch?.(tr.setNodeMarkup(pos, undefined, { latex }));
          return true;
        },
      };
    },
  });
  return [inline, block];
}
