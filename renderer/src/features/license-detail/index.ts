/** The license detail feature, as other parts of the renderer may use it. */
export { LicenseDetailPage } from './LicenseDetailPage';
