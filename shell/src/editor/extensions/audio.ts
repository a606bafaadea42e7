import { Node } from '@tiptap/core';
import { isPlayerSource } from '../schema-values.js';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    audio: {
      /** Inserts a sound player; refused (false) unless `src` is a file inserted in texts (`/api/core/files/<id>`). */
      insertAudio: (src: string) => ReturnType;
    };
    video: {
      /** Inserts a video player (with its poster image); refused unless both are files inserted in texts. */
      insertVideo: (src: string, poster?: string) => ReturnType;
    };
  }
}

/** A sound with the browser's own controls: `<audio src="…" controls preload="metadata">`, as the schema allows it. */
export const Audio = Node.create({
  name: 'audio',
  group: 'block',
  atom: true,
  draggable: true,

  addAttributes() {
    return { src: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('src') } };
  },

  parseHTML() {
    return [{ tag: 'audio[src]', getAttrs: (element: HTMLElement) => (isPlayerSource(element.getAttribute('src')) ? null : false) }];
  },

  renderHTML({ node }) {
    return ['audio', { src: node.attrs.src as string, controls: '', preload: 'metadata' }];
  },

  addCommands() {
    return {
      insertAudio: (src) => ({ commands }) => isPlayerSource(src) && commands.insertContent({ type: this.name, attrs: { src } }),
    };
  },
});

/** A video with the browser's own controls and its poster image, as the schema allows it. */
export const Video = Node.create({
  name: 'video',
  group: 'block',
  atom: true,
  draggable: true,

  addAttributes() {
    return {
      src: { default: null, parseHTML: (element: HTMLElement) => element.getAttribute('src') },
      poster: { default: null, parseHTML: (element: HTMLElement) => (isPlayerSource(element.getAttribute('poster')) ? element.getAttribute('poster') : null) },
    };
  },

  parseHTML() {
    return [{ tag: 'video[src]', getAttrs: (element: HTMLElement) => (isPlayerSource(element.getAttribute('src')) ? null : false) }];
  },

  renderHTML({ node }) {
    const poster = node.attrs.poster as string | null;
    return ['video', { src: node.attrs.src as string, ...(poster ? { poster } : {}), controls: '', preload: 'metadata' }];
  },

  addCommands() {
    return {
      insertVideo: (src, poster) => ({ commands }) =>
        isPlayerSource(src) && commands.insertContent({ type: this.name, attrs: { src, poster: poster && isPlayerSource(poster) ? poster : null } }),
    };
  },
});
