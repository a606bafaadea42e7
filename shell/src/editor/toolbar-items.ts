import type { Editor } from '@tiptap/core';
import { editorText, type EditorLabelKey, type Language } from './editor-labels.js';
import type { Panel } from './editor-panels.js';
import { imagePanel, insertFormulaPanel, linkPanel, documentPanel, tablePanel } from './form-panels.js';
import { editorExtensions, type EditorHandle } from './editor-extension-registry.js';
import { focusedChain } from './focused-chain.js';

/** What the toolbar's commands act on. */
export interface ToolbarContext {
  editor: Editor;
  language: Language;
  /** The HTML source is shown: only the source button works. */
  source: boolean;
  /** The editor is disabled (its form is): nothing works. */
  disabled: boolean;
  /** The panel open under the toolbar, if any, and the button that opened it. */
  openPanelId: string | null;
  openPanel(panel: Panel, opener: string): void;
  /** Stores a picture chosen on the computer; absent outside Préau (no API). */
  uploadPicture?: (file: File) => Promise<{ src: string }>;
  toggleSource(): void;
  handle(): EditorHandle;
}

export interface ToolbarButton {
  type: 'button';
  id: string;
  label: string;
  shortcut?: string;
  /** A short text drawn on the button, for those `editor-icons.ts` does not draw. */
  icon: string;
  /** Set for toggles (bold, lists, source view): the button's `aria-pressed`. */
  pressed?: boolean;
  /** Set for buttons that open a panel: `aria-expanded`. */
  expanded?: boolean;
  disabled?: boolean;
  run(): void;
}

export interface ToolbarSelect {
  type: 'select';
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  disabled?: boolean;
  change(value: string): void;
}

export type ToolbarItem = ToolbarButton | ToolbarSelect;

const FONT_SIZES: { value: string; key: EditorLabelKey }[] = [
  { value: '', key: 'sizeNormal' },
  { value: '0.875em', key: 'sizeSmall' },
  { value: '1.25em', key: 'sizeLarge' },
  { value: '1.5em', key: 'sizeHuge' },
];

/** Today in Europe/Paris, written out: « samedi 28 novembre 2026 ». */
export function todayText(language: Language, now = new Date()): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', {
    weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris',
  }).format(now);
}

/** The toolbar, in groups, with each item's state for the current selection. */
export function toolbarGroups(ctx: ToolbarContext): ToolbarItem[][] {
  const { editor, language } = ctx;
  const t = (key: EditorLabelKey) => editorText(key, language);
  const chain = () => focusedChain(editor);
  const off = ctx.source || ctx.disabled;
  // Every command starts by giving the text the focus, at once: what is typed right after a click goes to the
  // text, not to the button (where Enter would press it again).
  const button = (id: EditorLabelKey, icon: string, run: () => void, more: Partial<ToolbarButton> = {}): ToolbarButton => ({
    type: 'button', id, label: t(id), icon, run, disabled: off || more.disabled, ...(more.shortcut ? { shortcut: more.shortcut } : {}),
    ...(more.pressed !== undefined ? { pressed: more.pressed } : {}),
  });
  const toggle = (id: EditorLabelKey, icon: string, mark: string, run: () => void, shortcut?: string) =>
    button(id, icon, run, { pressed: editor.isActive(mark), ...(shortcut ? { shortcut } : {}) });
  const panel = (id: EditorLabelKey, icon: string, open: () => Panel): ToolbarButton => ({
    ...button(id, icon, () => undefined), run: () => ctx.openPanel(open(), id), expanded: ctx.openPanelId === id,
  });

  // An extension that takes over the image or document button (the documents app's picker) runs from the
  // toolbar's own button: one image button, not two, whatever apps are on.
  const replaced = (id: 'image' | 'document' | 'audio' | 'video'): ToolbarButton | undefined => {
    const extension = editorExtensions().find((e) => e.replaces === id);
    return extension ? button(id, '', () => void Promise.resolve(extension.run(ctx.handle())).catch((error: unknown) => console.error(error))) : undefined;
  };

  const heading = editor.isActive('heading', { level: 2 }) ? 'h2' : editor.isActive('heading', { level: 3 }) ? 'h3' : 'p';
  const size = String(editor.getAttributes('textStyle').fontSize ?? '');
  const inTable = editor.isActive('table');

  const groups: ToolbarItem[][] = [
    [
      button('undo', '↶', () => chain().undo().run(), { shortcut: 'Ctrl+Z', disabled: !editor.can().undo() }),
      button('redo', '↷', () => chain().redo().run(), { shortcut: 'Ctrl+Y', disabled: !editor.can().redo() }),
    ],
    [
      {
        type: 'select', id: 'paragraphStyle', label: t('paragraphStyle'), value: heading, disabled: off,
        options: [{ value: 'p', label: t('paragraph') }, { value: 'h2', label: t('title') }, { value: 'h3', label: t('subtitle') }],
        change: (value) => void (value === 'p' ? chain().setParagraph().run() : chain().setHeading({ level: value === 'h2' ? 2 : 3 }).run()),
      },
      {
        type: 'select', id: 'size', label: t('size'), value: FONT_SIZES.some((s) => s.value === size) ? size : '', disabled: off,
        options: FONT_SIZES.map((s) => ({ value: s.value, label: t(s.key) })),
        change: (value) => void (value ? chain().setFontSize(value).run() : chain().unsetFontSize().run()),
      },
    ],
    [
      toggle('bold', 'G', 'bold', () => chain().toggleBold().run(), 'Ctrl+B'),
      toggle('italic', 'I', 'italic', () => chain().toggleItalic().run(), 'Ctrl+I'),
      toggle('underline', 'S', 'underline', () => chain().toggleUnderline().run(), 'Ctrl+U'),
      toggle('subscript', 'x₂', 'subscript', () => chain().toggleSubscript().run(), 'Ctrl+,'),
      toggle('superscript', 'x²', 'superscript', () => chain().toggleSuperscript().run(), 'Ctrl+.'),
      panel('textColour', 'A', () => ({ kind: 'colours', target: 'text' })),
      panel('backgroundColour', 'A', () => ({ kind: 'colours', target: 'background' })),
      button('clearFormatting', 'Tₓ', () => chain().unsetAllMarks().clearNodes().unsetTextAlign().resetIndent().run()),
    ],
    [
      toggle('bulletList', '', 'bulletList', () => chain().toggleBulletList().run(), 'Ctrl+Maj+8'),
      toggle('orderedList', '', 'orderedList', () => chain().toggleOrderedList().run(), 'Ctrl+Maj+7'),
      button('outdent', '', () => chain().outdent().run(), { shortcut: 'Ctrl+[' }),
      button('indent', '', () => chain().indent().run(), { shortcut: 'Ctrl+]' }),
    ],
    [
      { ...panel('link', '', () => linkPanel(editor, language)), pressed: editor.isActive('link') },
      button('unlink', '', () => chain().extendMarkRange('link').unsetLink().run(), { disabled: !editor.isActive('link') }),
      replaced('image') ?? panel('image', '', () => imagePanel(editor, language, ctx.uploadPicture)),
      ...[replaced('audio'), replaced('video')].filter((item): item is ToolbarButton => item !== undefined),
      replaced('document') ?? panel('document', '', () => documentPanel(editor, language)),
      panel('table', '', () => tablePanel(editor, language)),
      panel('formula', '∑', () => insertFormulaPanel(editor, language)),
      panel('emoji', '☺', () => ({ kind: 'emoji' })),
      button('date', '', () => chain().insertContent(todayText(language)).run()),
    ],
  ];
  if (inTable) {
    groups.push([
      button('addRow', '+▤', () => chain().addRowAfter().run()),
      button('addColumn', '+▥', () => chain().addColumnAfter().run()),
      button('deleteRow', '−▤', () => chain().deleteRow().run()),
      button('deleteColumn', '−▥', () => chain().deleteColumn().run()),
      button('deleteTable', '✕▦', () => chain().deleteTable().run()),
    ]);
  }
  const plugged = editorExtensions().filter((extension) => !extension.replaces);
  if (plugged.length) {
    groups.push(plugged.map((extension) => ({
      type: 'button', id: `extension-${extension.name}`, icon: extension.button.icon, disabled: off,
      label: typeof extension.button.label === 'string' ? extension.button.label : extension.button.label[language],
      run: () => void Promise.resolve(extension.run(ctx.handle())).catch((error: unknown) => console.error(error)),
    })));
  }
  groups.push([{ type: 'button', id: 'source', label: t('source'), icon: '</>', pressed: ctx.source, disabled: ctx.disabled, run: () => ctx.toggleSource() }]);
  return groups;
}
