/** The backups feature, as other parts of the renderer use it: the Settings section and the restore dialog. */
export { BackupsSection } from './BackupsSection';
export { RestoreDialog } from './RestoreDialog';
export { backupTime } from './format';
