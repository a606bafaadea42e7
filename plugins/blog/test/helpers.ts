import type { TestPlatform, TestUser } from '@preau/core/testing';

export interface BlogAnswer { id: number; kind: string; classId: number | null; title: string; role: string; slug: string | null; waiting: number; following: boolean; canPublishPublic: boolean; cover: string | null }
export interface PostAnswer { id: number; blogId: number; title: string; body: string; state: string; publishAt: string | null; publishedAt: string | null; returnedComment: string | null; canEdit: boolean; canManage: boolean }

/** A school with a director, a CM2 (teacher, two pupils, one parent each) and a CE1 with its own parent. */
export async function school(platform: TestPlatform) {
  const s = await platform.createSchool();
  const director = await platform.createUser({ profile: 'Teacher', schools: [s], functions: [{ function: 'director', schoolId: s.id }] });
  const teacher = await platform.createUser({ profile: 'Teacher', schools: [s] });
  const cm2 = await platform.createClass({ school: s, label: 'CM2', teachers: [teacher], pupils: 2, relativesPerPupil: 1 });
  const other = await platform.createUser({ profile: 'Teacher', schools: [s] });
  const ce1 = await platform.createClass({ school: s, label: 'CE1', teachers: [other], pupils: 1, relativesPerPupil: 1 });
  return {
    s, director, teacher, cm2, other, ce1,
    parent: cm2.relatives[0]![0]!, secondParent: cm2.relatives[1]![0]!, pupil: cm2.pupils[0]!, otherParent: ce1.relatives[0]![0]!,
  };
}

export function blogApi(platform: TestPlatform) {
  const as = (user: TestUser) => platform.as(user);
  return {
    async createClassBlog(teacher: TestUser, schoolId: number, classId: number, extra: Record<string, unknown> = {}) {
      const response = await as(teacher).inject({ method: 'POST', url: '/api/blog/blogs', payload: { schoolId, classId, title: 'London, here we come !', description: 'Le voyage des CM2', ...extra } });
      if (response.statusCode !== 201) throw new Error(response.body);
      return response.json() as BlogAnswer;
    },
    async write(user: TestUser, blogId: number, payload: Record<string, unknown>) {
      return as(user).inject({ method: 'POST', url: `/api/blog/blogs/${blogId}/posts`, payload: { title: 'Jour 1', body: '<p>Arrivée à Douvres</p>', submit: true, ...payload } });
    },
    async titles(user: TestUser, blogId: number) {
      const response = await as(user).inject(`/api/blog/blogs/${blogId}/posts`);
      return response.statusCode === 200 ? (response.json().posts as PostAnswer[]).map((p) => p.title) : response.statusCode;
    },
    async timeline(user: TestUser) {
      return ((await as(user).inject('/api/core/timeline?app=blog')).json().items as { type: string; text: string; resource: { id: string } }[]);
    },
  };
}
