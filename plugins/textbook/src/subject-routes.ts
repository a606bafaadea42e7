import { administersSchool, Type, type CurrentUser, type PluginApp, type PluginServices, type SchoolRef } from '@preau/sdk';
import { visesSchool } from './access.js';
import { SchoolAdminsOnly, SchoolNotFound } from './errors.js';
import { Errors, SchoolParams, SubjectInput, SubjectList } from './schemas.js';
import { saveSubjects, schoolSubjects } from './subjects.js';

/** The school's subject list: read by its staff (the entry form), kept by its director and local administrators. */
export async function subjectRoutes(app: PluginApp, services: PluginServices): Promise<void> {
  const { db } = services;

  /** A school of the user's where the app is on, read by its staff and those who sign its cahiers; 404 otherwise. */
  const schoolOf = (user: CurrentUser, schools: readonly SchoolRef[], schoolId: number): SchoolRef => {
    const school = schools.find((s) => s.id === schoolId);
    const staff = user.profile === 'Teacher' || user.profile === 'Personnel';
    if (!school || !(staff || visesSchool(services, user, schoolId))) throw SchoolNotFound();
    return school;
  };

  app.get('/schools/:schoolId/subjects', {
    schema: { params: SchoolParams, response: { 200: SubjectList, ...Errors } },
  }, async (request) => {
    const user = request.currentUser!;
    const school = schoolOf(user, request.currentSchools, request.params.schoolId);
    return { school: { id: school.id, name: school.name }, mayEdit: administersSchool(user, school.id), subjects: await schoolSubjects(db, school.id) };
  });

  // The whole list in its new order: renamed, moved, hidden, added; those left out are removed.
  app.put('/schools/:schoolId/subjects', {
    schema: {
      params: SchoolParams,
      body: Type.Object({ subjects: Type.Array(SubjectInput, { minItems: 1, maxItems: 60 }) }, { additionalProperties: false }),
      response: { 200: SubjectList, ...Errors },
    },
  }, async (request) => {
    const user = request.currentUser!;
    const school = schoolOf(user, request.currentSchools, request.params.schoolId);
    if (!administersSchool(user, school.id)) throw SchoolAdminsOnly();
    const subjects = await saveSubjects(services, school.id, request.body.subjects);
    return { school: { id: school.id, name: school.name }, mayEdit: true, subjects };
  });
}
