/** The dashboard feature, as other parts of the renderer may use it. */
export { DashboardPage } from './DashboardPage';
