/** The projects feature, as other parts of the renderer may use it. */
export { ProjectsPage } from './ProjectsPage';
