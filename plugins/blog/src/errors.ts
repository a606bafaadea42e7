import { defineError } from '@preau/sdk';

/** No such blog, or the user may not read it (the same answer: nothing leaks). */
export const BlogNotFound = defineError('BLOG_ERR_BLOG_NOT_FOUND', 404, {
  fr: "Ce blog n'existe pas ou ne vous est pas partagé.",
  en: 'This blog does not exist or is not shared with you.',
});

/** No such post, or the user may not see it (a draft of someone else, a post waiting for validation). */
export const PostNotFound = defineError('BLOG_ERR_POST_NOT_FOUND', 404, {
  fr: "Cet article n'existe pas ou ne vous est pas visible.",
  en: 'This post does not exist or is not visible to you.',
});

/** No such comment, or the user may not see it. */
export const CommentNotFound = defineError('BLOG_ERR_COMMENT_NOT_FOUND', 404, {
  fr: "Ce commentaire n'existe pas ou ne vous est pas visible.",
  en: 'This comment does not exist or is not visible to you.',
});

/** The user's role on the blog does not allow what they asked. */
export const RoleTooLow = defineError('BLOG_ERR_ROLE', 403, (action: string) => ({
  fr: `Votre rôle sur ce blog ne permet pas de ${action}.`,
  en: `Your role on this blog does not allow you to ${action}.`,
}));

/** A class blog by someone who does not teach the class, a school blog by someone who does not run the school. */
export const CannotCreateBlog = defineError('BLOG_ERR_CANNOT_CREATE', 403, {
  fr: "Seuls les enseignants d'une classe créent ses blogs, et la direction ceux de l'école.",
  en: "Only a class's teachers create its blogs, and the school's administrators the school's.",
});

/** Comments are closed on this blog. */
export const CommentsClosed = defineError('BLOG_ERR_COMMENTS_CLOSED', 403, {
  fr: 'Les commentaires sont fermés sur ce blog.',
  en: 'Comments are closed on this blog.',
});

/** A post that is not waiting for validation cannot be published or sent back from the queue. */
export const PostNotWaiting = defineError('BLOG_ERR_POST_NOT_WAITING', 409, {
  fr: "Cet article n'attend pas de validation : rechargez la page.",
  en: 'This post is not waiting for validation: reload the page.',
});

/** A publication date in the past, or more than a year ahead. */
export const BadPublishDate = defineError('BLOG_ERR_PUBLISH_DATE', 400, {
  fr: 'La date de publication doit être à venir, dans moins d\'un an.',
  en: 'The publication date must be in the future, within a year.',
});

/** Making a blog public needs the right (directors and local administrators by default) and managing it. */
export const CannotPublishPublic = defineError('BLOG_ERR_PUBLIC_RIGHT', 403, {
  fr: "Rendre un blog public est réservé à la direction de l'école (droit « Rendre un blog public »), qui doit aussi le gérer.",
  en: "Making a blog public is for the school's administrators (right \"Make a blog public\"), who must also manage it.",
});

/** The slug is taken by another blog. */
export const SlugTaken = defineError('BLOG_ERR_SLUG_TAKEN', 409, (slug: string) => ({
  fr: `L'adresse « ${slug} » est déjà celle d'un autre blog : choisissez-en une autre.`,
  en: `The address "${slug}" is already another blog's: choose another one.`,
}), (slug: string) => ({ slug }));

/** No public blog at this address. */
export const PublicBlogNotFound = defineError('BLOG_ERR_PUBLIC_NOT_FOUND', 404, {
  fr: "Il n'y a pas de blog public à cette adresse.",
  en: 'There is no public blog at this address.',
});

/** A comment on a post that is not published. */
export const PostNotPublished = defineError('BLOG_ERR_POST_NOT_PUBLISHED', 409, {
  fr: "Cet article n'est pas publié : on ne peut pas encore le commenter.",
  en: 'This post is not published: it cannot be commented on yet.',
});
