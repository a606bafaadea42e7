import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Heading from '@tiptap/extension-heading';
import { TextStyle } from '@tiptap/extension-text-style';
import TextAlign from '@tiptap/extension-text-align';
import Subscript from '@tiptap/extension-subscript';
import Superscript from '@tiptap/extension-superscript';
import { TableKit } from '@tiptap/extension-table';
import { Placeholder } from '@tiptap/extensions';
import { Audio, Video } from './extensions/audio.js';
import { Emoji } from './extensions/emoji.js';
import { Indent } from './extensions/indent.js';
import { mathNodes } from './extensions/math.js';
import { SchemaColor, SchemaFontSize, SchemaHighlight, SchemaImage, SchemaLink } from './extensions/schema-bound.js';

/** What the editor's extensions need from the element that hosts them. */
export interface ExtensionOptions {
  placeholder: () => string;
  /** A formula was clicked: offer to edit it. */
  editFormula: (kind: 'inline' | 'block', latex: string, pos: number) => void;
}

/**
 * The extensions of `<preau-editor>`, configured so that the document can hold only what
 * `RICH_TEXT_SCHEMA` allows: headings 2 and 3 (Titre, Sous-titre), no code blocks, links and media checked.
 */
export function editorExtensions(options: ExtensionOptions): AnyExtension[] {
  return [
    StarterKit.configure({ heading: false, codeBlock: false, link: false }),
    // Titre (h2) and Sous-titre (h3); pasted h1 become titles and h4–h6 subtitles rather than plain paragraphs.
    Heading.extend({
      parseHTML() {
        return [1, 2, 3, 4, 5, 6].map((level) => ({ tag: `h${level}`, attrs: { level: level <= 2 ? 2 : 3 } }));
      },
    }).configure({ levels: [2, 3] }),
    SchemaLink,
    TextStyle,
    SchemaColor,
    SchemaFontSize,
    SchemaHighlight,
    TextAlign.configure({ types: ['heading', 'paragraph'], alignments: ['left', 'center', 'right', 'justify'] }),
    Indent,
    Subscript,
    Superscript,
    SchemaImage,
    Audio,
    Video,
    TableKit.configure({ table: { resizable: false } }),
    ...mathNodes(options.editFormula),
    Emoji,
    Placeholder.configure({ placeholder: () => options.placeholder() }),
  ];
}
