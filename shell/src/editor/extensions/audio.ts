import { Node } from '@tiptap/core';
import { isMediaSource } from '../schema-values.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    audio: {
      /** Inserts a sound player; refused (false) unless `src` is in the platform's storage or on https. */
      insertAudio: (src: string) => ReturnType;
    };
  }
}

/** A sound with the browser's own controls: `<audio src="…" controls>`, as the schema allows it. */
export const Audio = Node.create({
  name: 'audio',
  group: 'block',
  atom: true,
  draggable: true,

  addAttributes() {
    return { src: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('src') } };
  },

  parseHTML() {
    return [{ tag: 'audio[src]', getAttrs: (element: HTMLElement) => (isMediaSource(element.getAttribute('src')) ? null : false) }];
  },

  renderHTML({ node }) {
    return ['audio', { src: node.attrs.src as string, controls: '' }];
  },

  addCommands() {
    return {
      insertAudio: (src) => ({ commands }) => isMediaSource(src) && commands.insertContent({ type: this.name, attrs: { src } }),
    };
  },
});
