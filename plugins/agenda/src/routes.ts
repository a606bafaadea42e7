import type { PluginApp, PluginServices } from '@preau/sdk';
import { calendarRoutes } from './calendar-routes.js';
import { eventRoutes } from './event-routes.js';
import { icalRoutes } from './ical-routes.js';
import { meetingRoutes } from './meeting-routes.js';
import { holidayRoutes } from './holiday-routes.js';
import { defineReminderJobs } from './reminders.js';

/** Every signed-in route of the agenda (calendars, events, iCal, parent–teacher meetings), and its reminder jobs. */
export async function routes(app: PluginApp, services: PluginServices): Promise<void> {
  defineReminderJobs(services);
  await calendarRoutes(app, services);
  await eventRoutes(app, services);
  await icalRoutes(app, services);
  await meetingRoutes(app, services);
  await holidayRoutes(app, services);
}
