/** The settings feature, as other parts of the renderer may use it. */
export { SettingsPage } from './SettingsPage';
