/** The license list feature, as other parts of the renderer may use it. */
export { LicensesPage } from './LicensesPage';
export { LicenseFormDialog } from './components/LicenseFormDialog';
