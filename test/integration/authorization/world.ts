import { Readable } from 'node:stream';
import type { LightMyRequestResponse } from 'fastify';
import { fileUpload, filesUpload, generateOndeSchool, type School, type TestPlatform, type TestUser } from '@preau/core/testing';

/** Who calls: a profile of school A or B, or nobody signed in. */
export type CallerRole =
  | 'pupil' | 'parent' | 'otherFamilyParent' | 'otherClassParent' | 'teacher' | 'otherTeacher' | 'director' | 'localAdmin';

export interface Caller {
  /** "A teacher", "B parent", "anonymous". */
  label: string;
  school: 'A' | 'B' | null;
  role: CallerRole | null;
  user: TestUser | null;
}

/**
 * The things of school A that routes name, each a value to put in a path (or a body) and the A callers who
 * may act on it at all (its audience). A caller outside the audience of a thing a route names gets no 2xx.
 */
export interface Resource {
  value: string | number;
  audience: readonly CallerRole[] | 'everyone';
  /** Callers of another school who may act on it too, by design (a school's UAI is public to administrators). */
  outsiders?: readonly CallerRole[];
}

/** The people of one school: a director, a local administrator, two classes with a teacher each and families. */
export interface SchoolPeople {
  school: School;
  people: Record<CallerRole, TestUser>;
  class1: number;
  class2: number;
}

export interface World {
  A: SchoolPeople;
  B: SchoolPeople;
  callers: Caller[];
  /** School A's things, by kind (see `resolve-params.ts`). */
  resources: Record<string, Resource>;
}

const ALL_A: CallerRole[] = ['pupil', 'parent', 'otherFamilyParent', 'otherClassParent', 'teacher', 'otherTeacher', 'director', 'localAdmin'];
const ADMINS: CallerRole[] = ['director', 'localAdmin'];
// A 1×1 transparent PNG: storage reads the type from the bytes.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function schoolPeople(platform: TestPlatform, name: string): Promise<SchoolPeople> {
  const school = await platform.createSchool({ name });
  const director = await platform.createUser({ profile: 'Teacher', schools: [school], functions: [{ function: 'director', schoolId: school.id }], displayName: `DIRECTION ${name}` });
  const localAdmin = await platform.createUser({ profile: 'Personnel', schools: [school], functions: [{ function: 'local-admin', schoolId: school.id }], displayName: `ADMIN ${name}` });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: `MAÎTRE CM2 ${name}` });
  const otherTeacher = await platform.createUser({ profile: 'Teacher', schools: [school], displayName: `MAÎTRE CE1 ${name}` });
  const class1 = await platform.createClass({ school, label: 'CM2', levels: ['CM2'], teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
  const class2 = await platform.createClass({ school, label: 'CE1', levels: ['CE1'], teachers: [otherTeacher], pupils: 1, relativesPerPupil: 1 });
  return {
    school,
    class1: class1.id,
    class2: class2.id,
    people: {
      pupil: class1.pupils[0]!,
      parent: class1.relatives[0]![0]!,
      otherFamilyParent: class1.relatives[1]![0]!,
      otherClassParent: class2.relatives[0]![0]!,
      teacher,
      otherTeacher,
      director,
      localAdmin,
    },
  };
}

/** Fails the world's construction with the answer, so a broken fixture says why. */
function created(response: LightMyRequestResponse, what: string): Record<string, unknown> {
  if (response.statusCode >= 300) throw new Error(`could not create ${what}: ${response.statusCode} ${response.body}`);
  return response.body ? (response.json() as Record<string, unknown>) : {};
}

/**
 * Schools A and B with the same people, and in school A one of every thing a route can name, made through
 * the apps' own routes by the people who own them: a manual group, an ONDE preview, a gateway proposed to a
 * third school (none between A and B), a liaison word with a file and a reply, a message with a file, a draft,
 * a folder, a pupil's message waiting for moderation, a news thread with a published item, a file and a
 * comment, a flash message, a lunch menu, the CM2's blog with a post and a comment, the CM2's multimedia book with a page, the public school blog, a text image, a notification and a session; a folder of the test app
 * `folders`, shared through the core with the CM2's parents; the CM2's calendar with a repeating event.
 */
export async function buildWorld(platform: TestPlatform): Promise<World> {
  const A = await schoolPeople(platform, 'École A');
  const B = await schoolPeople(platform, 'École B');
  const C = await platform.createSchool({ name: 'École C' });
  const { director, teacher, parent, pupil } = A.people;
  const as = (user: TestUser) => platform.as(user);
  const schoolId = A.school.id;
  const group = async (where: Record<string, unknown>) => Number((await platform.knex('core.groups').where({ school_id: schoolId, ...where }).first('id')).id);
  const class1Parents = await group({ class_id: A.class1, profile: 'Relative' });
  const teachersGroup = await group({ kind: 'school', profile: 'Teacher' });

  const manualGroup = created(await as(director).inject({ method: 'POST', url: `/api/core/schools/${schoolId}/groups`, payload: { name: 'Chorale', memberIds: [pupil.id] } }), 'a group');
  const onde = generateOndeSchool({ seed: 7, classes: 1, pupilsPerClass: 2 });
  const preview = created(await as(director).inject({ method: 'POST', url: `/api/core/schools/${schoolId}/imports/onde`, ...filesUpload({ pupils: { name: 'eleves.csv', content: Buffer.from(onde.pupils) }, guardians: { name: 'responsables.csv', content: Buffer.from(onde.guardians) } }) }), 'an ONDE preview');
  const gateway = created(await as(director).inject({ method: 'POST', url: '/api/core/gateways', payload: { schoolA: schoolId, schoolB: C.id, profiles: ['Teacher'] } }), 'a gateway');

  // Liaison: a word to the CM2 with a file and a picture in its text, and the parent's reply.
  const insertedFile = created(await as(teacher).inject({ method: 'POST', url: '/api/core/files', ...fileUpload('classe.png', PIXEL, 'image/png') }), 'a picture for a text');
  const [wordFile] = created(await as(teacher).inject({ method: 'POST', url: '/api/liaison/attachments', ...fileUpload('sortie.txt', Buffer.from('Sortie au musée')) }), 'a word file') as unknown as { id: string }[];
  const word = created(await as(teacher).inject({ method: 'POST', url: '/api/liaison/words', payload: { title: 'Sortie au musée', body: `<p>Jeudi</p><p><img src="/api/core/files/${insertedFile.id}" alt="La classe"></p>`, category: 'sortie', classIds: [A.class1], attachmentIds: [wordFile!.id] } }), 'a word');
  const reply = created(await as(parent).inject({ method: 'POST', url: `/api/liaison/words/${word.id}/pupils/${pupil.id}/replies`, payload: { body: 'Merci' } }), 'a reply');

  // Messaging: a message with a file from the teacher to the parent, a draft, a folder, a pupil's message to approve.
  const [messageFile] = created(await as(teacher).inject({ method: 'POST', url: '/api/messaging/attachments', ...fileUpload('liste.txt', Buffer.from('Fournitures')) }), 'a message file') as unknown as { blobId: string }[];
  const message = created(await as(teacher).inject({ method: 'POST', url: '/api/messaging/messages', payload: { to: { users: [parent.id] }, subject: 'Fournitures', body: '<p>La liste</p>', attachments: [messageFile!.blobId] } }), 'a message');
  const draft = created(await as(teacher).inject({ method: 'POST', url: '/api/messaging/drafts', payload: { to: { users: [parent.id] }, subject: 'Brouillon' } }), 'a draft');
  const folder = created(await as(parent).inject({ method: 'POST', url: '/api/messaging/folders', payload: { name: 'École' } }), 'a folder');
  created(await as(director).inject({ method: 'PUT', url: `/api/core/schools/${schoolId}/rights/messaging/sendWithoutApproval`, payload: { profiles: [] } }), 'moderation');
  const pending = created(await as(pupil).inject({ method: 'POST', url: '/api/messaging/messages', payload: { to: { users: [teacher.id] }, subject: 'Question', body: '<p>?</p>' } }), 'a pupil message');

  // News: a thread the CM2's parents read, a published item with a file, a parent's comment; a flash message.
  const thread = created(await as(director).inject({ method: 'POST', url: '/api/news/threads', payload: { schoolId, title: 'Vie de l’école', commentsEnabled: true, shares: [{ groupId: class1Parents, role: 'read' }] } }), 'a thread');
  const [itemFile] = created(await as(director).inject({ method: 'POST', url: '/api/news/attachments', ...fileUpload('kermesse.txt', Buffer.from('Kermesse')) }), 'an item file') as unknown as { id: string }[];
  const item = created(await as(director).inject({ method: 'POST', url: `/api/news/threads/${thread.id}/items`, payload: { title: 'Kermesse', body: '<p>Samedi</p>', action: 'publish', attachmentIds: [itemFile!.id] } }), 'an item');
  const comment = created(await as(parent).inject({ method: 'POST', url: `/api/news/items/${item.id}/comments`, payload: { body: 'Bravo' } }), 'a comment');
  const now = platform.clock.now();
  // Textbook: a homework of the CM2 by its teacher, for the whole class.
  const homework = created(await as(teacher).inject({ method: 'POST', url: `/api/textbook/classes/${A.class1}/entries`, payload: { kind: 'homework', subject: 'Mathématiques', title: 'Exercices page 42', body: '<p>Ex. 3</p>', day: '2026-11-26', dueOn: '2026-11-27' } }), 'a homework');
  const flash = created(await as(director).inject({ method: 'POST', url: '/api/news/flash', payload: { schoolIds: [schoolId], title: 'Grève', body: '<p>Jeudi</p>', colour: 'warning', signature: 'La direction', profiles: ['Relative'], startsAt: now.toISOString(), endsAt: new Date(now.getTime() + 3 * 86_400_000).toISOString() } }), 'a flash message');

  // Sharing (the core's service, through a small test app): the teacher's folder, read by the CM2's parents.
  const sharedFolder = created(await as(teacher).inject({ method: 'POST', url: '/api/folders/', payload: { name: 'Sorties' } }), 'a folder to share');
  created(await as(teacher).inject({ method: 'PUT', url: `/api/core/shares/folders/folder/${sharedFolder.id}`, payload: { role: 'read', groups: [class1Parents], notify: false } }), 'a share');

  // Documents: the teacher's folder with a file, read by the CM2's parents through the core's sharing.
  const documentFolder = created(await as(teacher).inject({ method: 'POST', url: '/api/documents/folders', payload: { name: 'Classe CM2' } }), 'a documents folder');
  const [documentFile] = created(await as(teacher).inject({ method: 'POST', url: `/api/documents/uploads?folderId=${documentFolder.id}`, ...fileUpload('rentree.txt', Buffer.from('Rentrée')) }), 'a document') as unknown as { id: number }[];
  created(await as(teacher).inject({ method: 'PUT', url: `/api/core/shares/documents/folder/${documentFolder.id}`, payload: { role: 'read', groups: [class1Parents], notify: false } }), 'a documents share');
  const documentVersion = (created(await as(teacher).inject(`/api/documents/nodes/${documentFile!.id}/versions`), 'versions') as unknown as { id: number }[])[0]!;

  // Media: a recording the teacher started uploading (it is theirs alone until a text holds its file).
  const recording = created(await as(teacher).inject({ method: 'POST', url: '/api/media/recordings', payload: { kind: 'audio', name: 'Chanson', size: 1000 } }), 'a recording');
  // And the CM2's multimedia book (its families read it, its pupils add pages) with a page showing the text's picture.
  const book = (created(await as(teacher).inject({ method: 'POST', url: '/api/media/books', payload: { classId: A.class1, title: 'Classe de mer' } }), 'a book') as unknown as { book: { id: number } }).book;
  const bookPage = created(await as(teacher).inject({ method: 'POST', url: `/api/media/books/${book.id}/pages`, payload: { template: 'picture', text: '<p>La plage</p>', pictures: [`/api/core/files/${insertedFile.id}`], video: null, sound: null } }), 'a book page');

  // Agenda: the CM2's calendar (made on first sight, shared by the structure) and an event the teacher adds.
  const calendars = created(await as(teacher).inject('/api/agenda/calendars'), 'the calendars') as unknown as { id: number; kind: string }[];
  const classCalendar = calendars.find((c) => c.kind === 'class')!;
  const event = created(await as(teacher).inject({ method: 'POST', url: '/api/agenda/events', payload: { calendarId: classCalendar.id, title: 'Piscine', start: '2026-12-03T08:30', end: '2026-12-03T09:30', recurrence: { frequency: 'weekly', interval: 1, weekdays: ['TH'] } } }), 'an event');

  // Blog: the CM2's blog (its families read, its pupils write), a published post with a parent's comment waiting for
  // moderation, and the school's public blog.
  const blog = created(await as(teacher).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId, classId: A.class1, title: 'London, here we come !' } }), 'a blog');
  const blogPost = created(await as(teacher).inject({ method: 'POST', url: `/api/blog/blogs/${blog.id}/posts`, payload: { title: 'Jour 1', body: '<p>Douvres</p>', submit: true } }), 'a blog post');
  const blogComment = created(await as(parent).inject({ method: 'POST', url: `/api/blog/posts/${blogPost.id}/comments`, payload: { body: 'Merci !' } }), 'a blog comment');
  const schoolBlog = created(await as(director).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId, title: "Blog de l'école" } }), 'a school blog');
  created(await as(director).inject({ method: 'PUT', url: `/api/blog/blogs/${schoolBlog.id}/public`, payload: { slug: 'ecole-a' } }), 'a public blog');

  // Parent–teacher meetings of the CM2, a week ahead of the platform's clock.
  const meetingDay = new Date(platform.clock.now().getTime() + 7 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' });
  const meetingRound = created(await as(teacher).inject({ method: 'POST', url: '/api/agenda/meetings', payload: {
    classId: A.class1, title: 'Rencontres', durationMinutes: 15, bookUntil: new Date(platform.clock.now().getTime() + 5 * 86_400_000).toISOString(),
    days: [{ day: meetingDay, from: '16:30', to: '17:30' }],
  } }), 'meeting slots');

  created(await as(teacher).inject({ method: 'PUT', url: `/api/lunch-menu/schools/${schoolId}/weeks/2026-W48`, payload: { days: [{ day: 'monday', main: 'Gratin' }] } }), 'a menu');
  // A picture of a text written before inserted files: its id is the capability (text-image-routes.ts).
  const textImage = await platform.platform.storage.put(Readable.from([PIXEL]), { owner: teacher.id, name: 'pixel.png' });
  await platform.platform.storage.addReference(textImage.id, 'core:text-image');
  // The message's notification went to the parent alone (the word's went to every family of the class).
  const timeline = (await as(parent).inject('/api/core/timeline?app=messaging')).json() as { items: { id: number }[] };
  const session = await platform.knex('core.sessions').where({ user_id: parent.id }).first('id');
  // A's pupil named by school B's ONDE file: a transfer only the academy administrator decides.
  const [transfer] = await platform.knex('core.transfer_requests')
    .insert({ person_id: pupil.id, to_school_id: B.school.id, file_first_name: 'Paul', file_last_name: 'ESPION', requested_by: B.people.director.id, requested_at: platform.clock.now() })
    .returning('id');

  const callers: Caller[] = [{ label: 'anonymous', school: null, role: null, user: null }];
  for (const [letter, school] of [['A', A], ['B', B]] as const) {
    for (const role of ALL_A) {
      // School B's callers need no second parent or teacher: one of each profile is enough from outside.
      if (letter === 'B' && (role === 'otherFamilyParent' || role === 'otherClassParent' || role === 'otherTeacher')) continue;
      callers.push({ label: `${letter} ${role}`, school: letter, role, user: school.people[role] });
    }
  }

  const staffOfClass1: CallerRole[] = ['teacher', ...ADMINS];
  const class1Families: CallerRole[] = ['pupil', 'parent', 'otherFamilyParent'];
  const newsReaders: CallerRole[] = [...ADMINS, 'parent', 'otherFamilyParent'];
  const resources: Record<string, Resource> = {
    school: { value: schoolId, audience: ALL_A },
    // Administrators name another school by its UAI to propose a gateway (school-routes.ts).
    uai: { value: A.school.uai, audience: ADMINS, outsiders: ADMINS },
    class: { value: A.class1, audience: staffOfClass1 },
    pupil: { value: pupil.id, audience: ['pupil', 'parent', ...staffOfClass1] },
    // The CM2 parent, whom the school's administrators and their child's teacher manage (mayActOnPerson)…
    user: { value: parent.id, audience: ['parent', ...staffOfClass1] },
    // … and whom their child, their class's parents and the school's teachers reach (communication rules).
    person: { value: parent.id, audience: ['parent', 'pupil', 'otherFamilyParent', 'teacher', 'otherTeacher', ...ADMINS] },
    group: { value: Number(manualGroup.id), audience: ['teacher', 'otherTeacher', ...ADMINS] },
    otherGroup: { value: teachersGroup, audience: ['teacher', 'otherTeacher', ...ADMINS] },
    import: { value: Number(preview.id), audience: ADMINS },
    gateway: { value: Number(gateway.id), audience: ADMINS },
    word: { value: Number(word.id), audience: [...staffOfClass1, ...class1Families] },
    wordFile: { value: wordFile!.id, audience: [...staffOfClass1, ...class1Families] },
    // The picture in the word's text: whoever reads the word (inserted-files.ts, liaison's file holders).
    insertedFile: { value: String(insertedFile.id), audience: [...staffOfClass1, ...class1Families] },
    reply: { value: Number(reply.id), audience: ['parent'] },
    message: { value: Number(message.id), audience: ['teacher', 'parent'] },
    messageFile: { value: messageFile!.blobId, audience: ['teacher', 'parent'] },
    draft: { value: Number(draft.id), audience: ['teacher'] },
    folder: { value: Number(folder.id), audience: ['parent'] },
    pendingMessage: { value: Number(pending.id), audience: ['teacher'] },
    thread: { value: Number(thread.id), audience: newsReaders },
    item: { value: Number(item.id), audience: newsReaders },
    itemFile: { value: itemFile!.id, audience: newsReaders },
    comment: { value: Number(comment.id), audience: ['parent', ...ADMINS] },
    flash: { value: Number(flash.id), audience: [...ADMINS, 'parent', 'otherFamilyParent', 'otherClassParent'] },
    // The teacher's own upload (the message's file): only its owner reads it through the core.
    blob: { value: messageFile!.blobId, audience: ['teacher'] },
    // The id of an image written in a text is the capability to read it, for anyone signed in (text-image-routes.ts).
    textImage: { value: String(textImage.id), audience: 'everyone' },
    notification: { value: timeline.items[0]!.id, audience: ['parent'] },
    session: { value: String(session.id), audience: ['parent'] },
    transferRequest: { value: Number(transfer.id), audience: [] },
    week: { value: '2026-W48', audience: 'everyone' },
    app: { value: 'liaison', audience: 'everyone' },
    right: { value: 'post', audience: 'everyone' },
    // The shared folder: its owner and the CM2's parents read it; only its owner sees and changes its grants.
    sharedFolder: { value: Number(sharedFolder.id), audience: ['teacher', 'parent', 'otherFamilyParent'] },
    sharedFolderGrants: { value: Number(sharedFolder.id), audience: ['teacher'] },
    shareApp: { value: 'folders', audience: 'everyone' },
    // The CM2's calendar and its event: its teacher and the school's administrators manage, its families read.
    calendar: { value: classCalendar.id, audience: [...staffOfClass1, ...class1Families] },
    event: { value: Number(event.eventId), audience: [...staffOfClass1, ...class1Families] },
    // The CM2's meetings: its teacher and the school's administrators manage them, its families book.
    meetingRound: { value: Number(meetingRound.id), audience: [...staffOfClass1, ...class1Families] },
    shareType: { value: 'folder', audience: 'everyone' },
    // The teacher's document and folder in Documents, shared read-only with the CM2's parents.
    documentNode: { value: Number(documentFile!.id), audience: ['teacher', 'parent', 'otherFamilyParent'] },
    documentVersion: { value: Number(documentVersion.id), audience: ['teacher', 'parent', 'otherFamilyParent'] },
    documentFolder: { value: Number(documentFolder.id), audience: ['teacher', 'parent', 'otherFamilyParent'] },
    // A teacher's recording: nobody else sees it (its files reach others only through the texts that hold them).
    recording: { value: Number(recording.id), audience: ['teacher'] },
    // The CM2's book and its page: its teacher manages, its families read (its pupils add their own pages).
    book: { value: Number(book.id), audience: ['teacher', ...class1Families] },
    bookPage: { value: Number(bookPage.id), audience: ['teacher', ...class1Families] },
    // The CM2's parents group, which the school's staff and the CM2's parents may write to (communication rules).
    // A homework of the CM2: its staff read it in the cahier, its families in their child's homework.
    textbookEntry: { value: Number(homework.id), audience: [...staffOfClass1, ...class1Families] },
    // The CM2's blog, its post and the parent's comment waiting for moderation (its author and the blog's manager).
    blog: { value: Number(blog.id), audience: ['teacher', ...class1Families] },
    blogPost: { value: Number(blogPost.id), audience: ['teacher', ...class1Families] },
    blogComment: { value: Number(blogComment.id), audience: ['teacher', 'parent'] },
    // The public blog's address: anyone, signed in or not.
    blogSlug: { value: 'ecole-a', audience: 'everyone' },
    class1Parents: { value: class1Parents, audience: ['teacher', 'otherTeacher', ...ADMINS, 'parent', 'otherFamilyParent'] },
  };
  return { A, B, callers, resources };
}
