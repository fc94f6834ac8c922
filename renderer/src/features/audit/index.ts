/** The audit log feature, as other parts of the renderer may use it. */
export { AuditLogPage } from './AuditLogPage';
export { LicenseAuditSection } from './components/LicenseAuditSection';
export { AuditLogSettingsSection } from './SettingsSection';
