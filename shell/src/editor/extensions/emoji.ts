import { Node } from '@tiptap/core';

/** An emoji of the picker: its shortcode (stored as `data-name`), the character, and its name for screen readers. */
export interface EmojiChoice {
  name: string;
  emoji: string;
  label: { fr: string; en: string };
}

// A short list chosen for school life, rather than @tiptap/extension-emoji: its full Unicode table (600 KB)
// would triple the editor's download for a picker that pupils and parents use for a handful of faces.
// Shortcodes are GitHub's, so content stays compatible with that extension if a full picker comes later.
export const EMOJIS: readonly EmojiChoice[] = [
  { name: 'smile', emoji: '😄', label: { fr: 'Grand sourire', en: 'Big smile' } },
  { name: 'blush', emoji: '😊', label: { fr: 'Sourire', en: 'Smile' } },
  { name: 'wink', emoji: '😉', label: { fr: "Clin d'œil", en: 'Wink' } },
  { name: 'heart_eyes', emoji: '😍', label: { fr: 'Yeux en cœur', en: 'Heart eyes' } },
  { name: 'joy', emoji: '😂', label: { fr: 'Rire aux larmes', en: 'Tears of joy' } },
  { name: 'thinking', emoji: '🤔', label: { fr: 'Réfléchit', en: 'Thinking' } },
  { name: 'open_mouth', emoji: '😮', label: { fr: 'Surpris', en: 'Surprised' } },
  { name: 'cry', emoji: '😢', label: { fr: 'Triste', en: 'Sad' } },
  { name: 'sleeping', emoji: '😴', label: { fr: 'Endormi', en: 'Sleeping' } },
  { name: 'mask', emoji: '😷', label: { fr: 'Malade', en: 'Ill' } },
  { name: '+1', emoji: '👍', label: { fr: 'Pouce levé', en: 'Thumbs up' } },
  { name: 'clap', emoji: '👏', label: { fr: 'Bravo', en: 'Clapping' } },
  { name: 'wave', emoji: '👋', label: { fr: 'Coucou', en: 'Waving hand' } },
  { name: 'pray', emoji: '🙏', label: { fr: 'Merci', en: 'Thank you' } },
  { name: 'muscle', emoji: '💪', label: { fr: 'Courage', en: 'Strong' } },
  { name: 'heart', emoji: '❤️', label: { fr: 'Cœur', en: 'Heart' } },
  { name: 'star', emoji: '⭐', label: { fr: 'Étoile', en: 'Star' } },
  { name: 'sparkles', emoji: '✨', label: { fr: 'Étincelles', en: 'Sparkles' } },
  { name: 'tada', emoji: '🎉', label: { fr: 'Fête', en: 'Party' } },
  { name: 'birthday', emoji: '🎂', label: { fr: "Gâteau d'anniversaire", en: 'Birthday cake' } },
  { name: 'gift', emoji: '🎁', label: { fr: 'Cadeau', en: 'Gift' } },
  { name: 'sunny', emoji: '☀️', label: { fr: 'Soleil', en: 'Sun' } },
  { name: 'umbrella', emoji: '☔', label: { fr: 'Pluie', en: 'Rain' } },
  { name: 'snowflake', emoji: '❄️', label: { fr: 'Neige', en: 'Snow' } },
  { name: 'books', emoji: '📚', label: { fr: 'Livres', en: 'Books' } },
  { name: 'pencil2', emoji: '✏️', label: { fr: 'Crayon', en: 'Pencil' } },
  { name: 'school', emoji: '🏫', label: { fr: 'École', en: 'School' } },
  { name: 'school_satchel', emoji: '🎒', label: { fr: 'Cartable', en: 'School bag' } },
  { name: 'art', emoji: '🎨', label: { fr: 'Peinture', en: 'Painting' } },
  { name: 'musical_note', emoji: '🎵', label: { fr: 'Musique', en: 'Music' } },
  { name: 'soccer', emoji: '⚽', label: { fr: 'Football', en: 'Football' } },
  { name: 'bus', emoji: '🚌', label: { fr: 'Bus', en: 'Bus' } },
  { name: 'apple', emoji: '🍎', label: { fr: 'Pomme', en: 'Apple' } },
  { name: 'seedling', emoji: '🌱', label: { fr: 'Pousse', en: 'Seedling' } },
  { name: 'cat', emoji: '🐱', label: { fr: 'Chat', en: 'Cat' } },
  { name: 'dog', emoji: '🐶', label: { fr: 'Chien', en: 'Dog' } },
  { name: 'calendar', emoji: '📆', label: { fr: 'Calendrier', en: 'Calendar' } },
  { name: 'warning', emoji: '⚠️', label: { fr: 'Attention', en: 'Warning' } },
  { name: 'white_check_mark', emoji: '✅', label: { fr: 'Fait', en: 'Done' } },
  { name: 'question', emoji: '❓', label: { fr: 'Question', en: 'Question' } },
];

const BY_NAME = new Map(EMOJIS.map((choice) => [choice.name, choice]));

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    emoji: {
      /** Inserts the emoji of this shortcode (one of `EMOJIS`). */
      insertEmoji: (name: string) => ReturnType;
    };
  }
}

/** `<span data-type="emoji" data-name="smile">😄</span>`: the character, and its shortcode for search and a11y. */
export const Emoji = Node.create({
  name: 'emoji',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: false,

  addAttributes() {
    return {
      name: { default: null, parseHTML: (element: HTMLElement) => element.dataset.name ?? null, renderHTML: () => ({}) },
      // The character as found, for shortcodes outside our list (pasted from another Préau or a newer version).
      emoji: { default: '', parseHTML: (element: HTMLElement) => (element.textContent ?? '').trim().slice(0, 16), renderHTML: () => ({}) },
    };
  },

  parseHTML() {
    return [{ tag: 'span[data-type="emoji"]' }];
  },

  renderHTML({ node }) {
    const name = String(node.attrs.name ?? '');
    const emoji = BY_NAME.get(name)?.emoji ?? String(node.attrs.emoji || `:${name}:`);
    return ['span', { 'data-type': 'emoji', 'data-name': name }, emoji];
  },

  renderText({ node }) {
    return BY_NAME.get(String(node.attrs.name))?.emoji ?? String(node.attrs.emoji ?? '');
  },

  addCommands() {
    return {
      insertEmoji: (name) => ({ commands }) => {
        const choice = BY_NAME.get(name);
        return !!choice && commands.insertContent({ type: this.name, attrs: { name, emoji: choice.emoji } });
      },
    };
  },
});
