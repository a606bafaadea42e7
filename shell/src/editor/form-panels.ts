import type { ChainedCommands, Editor } from '@tiptap/core';
import { NodeSelection, Selection, TextSelection } from '@tiptap/pm/state';
import { editorText, type EditorLabelKey, type Language } from './editor-labels.js';
import type { FormPanel } from './editor-panels.js';
import { isSafeLatex } from '../rich-text/draw-formula.js';
import { isLinkTarget, isMediaSource } from './schema-values.js';
import { focusedChain } from './focused-chain.js';

// The small forms the toolbar opens under itself (rather than `prompt()`, which screen readers and phones
// handle badly): each validates against the rich-text schema and says why it refuses.

/** "www.ecole.fr" is a link: make it https. */
function withScheme(address: string): string {
  const value = address.trim();
  return /^[a-z][a-z0-9+.-]*:|^\//i.test(value) ? value : `https://${value}`;
}

/**
 * After inserting an image, a sound or a block formula, ProseMirror selects it: the next insertion would
 * replace it. The cursor goes after it instead, as in a word processor.
 */
function thenCursorAfter(chain: ChainedCommands): ChainedCommands {
  return chain.command(({ tr, state }) => {
    if (!(tr.selection instanceof NodeSelection)) return true;
    const after = tr.selection.to;
    const next = Selection.findFrom(tr.doc.resolve(after), 1, true);
    if (next) tr.setSelection(next);
    else tr.insert(after, state.schema.nodes.paragraph!.create()).setSelection(TextSelection.create(tr.doc, after + 1));
    return true;
  });
}

const words = (language: Language) => (key: EditorLabelKey) => editorText(key, language);

/** Links the selection, or inserts a linked text when nothing is selected. */
export function linkPanel(editor: Editor, language: Language): FormPanel {
  const t = words(language);
  const current = String(editor.getAttributes('link').href ?? '');
  const needsText = editor.state.selection.empty && !editor.isActive('link');
  return {
    kind: 'form', id: 'link', title: t('link'), submitLabel: t('applyLink'),
    fields: [
      { name: 'href', label: t('linkAddress'), type: 'url', value: current, required: true },
      ...(needsText ? [{ name: 'text', label: t('linkText'), type: 'text' as const }] : []),
    ],
    submit: (values) => {
      const href = withScheme(String(values.href ?? ''));
      if (!isLinkTarget(href)) return t('linkAddressInvalid');
      const chain = focusedChain(editor);
      // Typing goes on after the new link, not inside it.
      if (needsText) chain.insertContent({ type: 'text', text: String(values.text || href), marks: [{ type: 'link', attrs: { href } }] }).unsetMark('link').run();
      else chain.extendMarkRange('link').setLink({ href }).run();
      return null;
    },
  };
}

/**
 * An image from the computer (stored in the user's space by `upload`) or, failing that, from an https
 * address, always with its description: the file's name says nothing to someone who cannot see the picture.
 */
export function imagePanel(editor: Editor, language: Language, upload?: (file: File) => Promise<{ src: string }>): FormPanel {
  const t = words(language);
  return {
    kind: 'form', id: 'image', title: t('image'), submitLabel: t('insertImage'),
    fields: [
      ...(upload ? [{ name: 'file', label: t('imageFile'), type: 'file' as const, accept: 'image/png,image/jpeg,image/gif,image/webp' }] : []),
      { name: 'src', label: t(upload ? 'imageAddressInstead' : 'imageAddress'), type: 'url' },
      { name: 'alt', label: t('imageAlt'), type: 'text', required: true },
    ],
    submit: async (values) => {
      const file = values.file instanceof File ? values.file : null;
      const address = String(values.src ?? '').trim();
      const alt = String(values.alt ?? '').trim();
      if (!file && !address) return t(upload ? 'imageMissing' : 'mediaAddressInvalid');
      if (!file && !isMediaSource(address)) return t('mediaAddressInvalid');
      if (!alt) return t('imageAltMissing');
      let src = address;
      if (file && upload) {
        try {
          src = (await upload(file)).src;
        } catch (error) {
          return `${t('pictureFailed')}${language === 'fr' ? ' : ' : ': '}${error instanceof Error ? error.message : String(error)}`;
        }
      }
      thenCursorAfter(focusedChain(editor).setImage({ src, alt })).run();
      return null;
    },
  };
}

/** The description of the image at `pos` (one just pasted or dropped): asked for, not taken from its file name. */
export function imageDescriptionPanel(editor: Editor, language: Language, pos: number): FormPanel {
  const t = words(language);
  return {
    kind: 'form', id: 'image', title: t('imageDescribe'), submitLabel: t('imageDescribeSave'),
    fields: [{ name: 'alt', label: t('imageAlt'), type: 'text', required: true }],
    submit: (values) => {
      const alt = String(values.alt ?? '').trim();
      if (!alt) return t('imageAltMissing');
      if (editor.state.doc.nodeAt(pos)?.type.name !== 'image') return null;
      thenCursorAfter(focusedChain(editor).setNodeSelection(pos).updateAttributes('image', { alt })).run();
      return null;
    },
  };
}

/** A link to a document, until the documents plugin adds its own picker through an editor extension. */
export function documentPanel(editor: Editor, language: Language): FormPanel {
  const t = words(language);
  return {
    kind: 'form', id: 'document', title: t('document'), submitLabel: t('insertDocument'),
    fields: [
      { name: 'href', label: t('documentAddress'), type: 'url', required: true },
      { name: 'title', label: t('documentTitle'), type: 'text', required: true },
    ],
    submit: (values) => {
      const href = withScheme(String(values.href ?? ''));
      if (!isLinkTarget(href)) return t('linkAddressInvalid');
      const text = String(values.title || href);
      focusedChain(editor).insertContent([{ type: 'text', text, marks: [{ type: 'link', attrs: { href } }] }, { type: 'text', text: ' ' }]).run();
      return null;
    },
  };
}

export function tablePanel(editor: Editor, language: Language): FormPanel {
  const t = words(language);
  return {
    kind: 'form', id: 'table', title: t('table'), submitLabel: t('insertTable'),
    fields: [
      { name: 'rows', label: t('rows'), type: 'number', value: '3', min: 1, max: 30, required: true },
      { name: 'cols', label: t('columns'), type: 'number', value: '3', min: 1, max: 10, required: true },
      { name: 'header', label: t('headerRow'), type: 'checkbox', value: true },
    ],
    submit: (values) => {
      const clamp = (value: unknown, max: number) => Math.max(1, Math.min(max, Math.round(Number(value)) || 1));
      focusedChain(editor).insertTable({ rows: clamp(values.rows, 30), cols: clamp(values.cols, 10), withHeaderRow: values.header === true }).run();
      return null;
    },
  };
}

/** A formula to insert, or the one clicked (`existing`) to change. */
export function insertFormulaPanel(editor: Editor, language: Language, existing?: { kind: 'inline' | 'block'; latex: string; pos: number }): FormPanel {
  const t = words(language);
  return {
    kind: 'form', id: 'formula', title: t('formula'), submitLabel: t(existing ? 'updateFormula' : 'insertFormula'),
    fields: [
      { name: 'latex', label: t('latex'), type: 'text', value: existing?.latex ?? '', required: true },
      ...(existing ? [] : [{ name: 'block', label: t('ownLine'), type: 'checkbox' as const, value: false }]),
    ],
    submit: (values) => {
      const latex = String(values.latex ?? '').trim();
      if (!latex) return t('formulaEmpty');
      if (!isSafeLatex(latex)) return t('formulaUnsafe');
      const chain = focusedChain(editor);
      if (existing?.kind === 'inline') chain.updateInlineMath({ latex, pos: existing.pos }).run();
      else if (existing) chain.updateBlockMath({ latex, pos: existing.pos }).run();
      else if (values.block === true) thenCursorAfter(chain.insertBlockMath({ latex })).run();
      else chain.insertInlineMath({ latex }).run();
      return null;
    },
  };
}
