/** The purchase feature, as other parts of the renderer may use it. */
export { PurchasePage } from './PurchasePage';
export { PoBuilderPage } from './PoBuilderPage';
export { LicensePurchases } from './LicensePurchases';
export { purchaseQueries } from './queries';
export { CreatePoButton } from './CreatePoButton';
export { ResellerPicker } from './ResellerPicker';
