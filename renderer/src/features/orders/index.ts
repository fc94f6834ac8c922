/** The orders feature, as other parts of the renderer may use it. */
export { OrdersPage } from './OrdersPage';
export { Checklist } from './components/Checklist';
export { OrderDetail, OrderStateChip } from './components/OrderDetail';
