/** The renew and add-quota feature, as other parts of the renderer may use it. */
export { AddQuotaWizard } from './AddQuotaWizard';
export { FulfilmentOffer, Lineage } from './Lineage';
export { LicenseForecast } from './components/LicenseForecast';
export { RenewActions } from './RenewActions';
export { RenewWizard } from './RenewWizard';
export { UpcomingRenewalsPage } from './UpcomingRenewalsPage';
