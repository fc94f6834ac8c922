/** The reminders feature, as other parts of the renderer may use it. */
export { NotificationsBell } from './NotificationsBell';
export { NotificationsPage } from './NotificationsPage';
export { ReminderSettingsSection } from './ReminderSettingsSection';
export { CalendarExportButton } from './components/CalendarExportButton';
export { listenForDigestClicks } from './digest-clicks';
