/** The import feature, as other parts of the renderer may use it. */
export { ImportDialog } from './ImportDialog';
