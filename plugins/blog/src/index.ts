import { definePlugin } from '@preau/sdk';
import { badge } from './badge.js';
import { demo } from './demo.js';
import { fileHolders } from './file-holders.js';
import { publicPages } from './public-pages.js';
import { routes } from './routes.js';

const onPost = { fr: '{blog} : {title}', en: '{blog}: {title}' };

/**
 * Blog: a class's blogs for its families (pupils write, the teacher validates) and the school's blogs, one of
 * which may be public, server-rendered at /pub/blog/<slug> with its feed. No likes, no counters.
 */
export default definePlugin({
  name: 'blog',
  version: '0.1.0',
  sdk: '^1.0.0',
  title: { fr: 'Blog', en: 'Blog' },
  description: { fr: "Les blogs de la classe et le blog public de l'école.", en: "The class's blogs and the school's public blog." },
  icon: 'blog',
  rights: {
    // Directors and local administrators hold it whatever the school chose; a school may give it to others.
    publishPublic: { title: { fr: 'Rendre un blog public (lisible sans compte)', en: 'Make a blog public (readable without an account)' }, default: [] },
  },
  notifications: {
    'post-submitted': {
      title: { fr: 'Article de blog à valider', en: 'Blog post to validate' },
      message: { fr: '{actor} propose un article sur {blog} : {title}', en: '{actor} submits a post on {blog}: {title}' },
      defaultDelivery: 'immediate',
      profiles: ['Teacher', 'Personnel'],
    },
    'post-published': {
      title: { fr: "Nouvel article d'un blog suivi", en: 'New post on a followed blog' },
      message: { fr: `Nouvel article sur ${onPost.fr}`, en: `New post on ${onPost.en}` },
      defaultDelivery: 'daily',
    },
    'post-returned': {
      title: { fr: 'Article renvoyé par un gestionnaire du blog', en: "Post sent back by the blog's manager" },
      message: { fr: '{actor} vous renvoie votre article sur {blog} : {title}', en: '{actor} sent back your post on {blog}: {title}' },
      defaultDelivery: 'immediate',
    },
    'comment-posted': {
      title: { fr: 'Commentaire sur un article de blog', en: 'Comment on a blog post' },
      message: { fr: `{actor} a commenté sur ${onPost.fr}`, en: `{actor} commented on ${onPost.en}` },
      defaultDelivery: 'daily',
    },
    'comment-waiting': {
      title: { fr: 'Commentaire de blog à modérer', en: 'Blog comment to moderate' },
      message: { fr: `{actor} a commenté (à modérer) sur ${onPost.fr}`, en: `{actor} commented (to moderate) on ${onPost.en}` },
      defaultDelivery: 'daily',
      profiles: ['Teacher', 'Personnel'],
    },
  },
  sharing: {
    blog: { title: { fr: 'un blog', en: 'a blog' }, url: '/apps/blog/blogs/{id}' },
  },
  // Pictures and files of a post are read by whoever sees the post; a blog's cover by its readers.
  fileHolders,
  migrations: new URL('../migrations', import.meta.url),
  routes,
  // The public blogs: server-rendered HTML and feeds at /pub/blog/<slug>, for anyone.
  publicPages,
  badge,
  // RGPD: the blogs this person created, their posts and comments.
  async exportPersonalData(userId, { db }) {
    return {
      blogs: await db('blogs').where({ created_by: userId }).orderBy('id').select('id', 'title', 'description', 'created_at as createdAt'),
      posts: await db('posts').where({ author_id: userId }).orderBy('id').select('id', 'blog_id as blogId', 'title', 'body', 'state', 'published_at as publishedAt', 'created_at as createdAt'),
      comments: await db('comments').where({ author_id: userId }).orderBy('id').select('id', 'post_id as postId', 'body', 'state', 'created_at as createdAt'),
    };
  },
  demo,
  web: { entry: new URL('../web/index.ts', import.meta.url), launcher: { icon: 'blog' } },
});
