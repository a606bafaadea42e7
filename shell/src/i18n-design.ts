/** The texts of the phone layout and the design system's style guide, in French and English (merged into `TEXTS`). */
export const DESIGN_TEXTS = {
  menu: { fr: 'Menu', en: 'Menu' },
  itemActions: { fr: 'Actions', en: 'Actions' },
  itemActionsOf: { fr: 'Actions : {text}', en: 'Actions: {text}' },
  styleguide: { fr: 'Guide de style', en: 'Style guide' },
} as const;
