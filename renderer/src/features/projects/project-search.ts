import type { Project } from '../../../../shared/domain/project';
import { HOSTING_LABELS } from './labels';

/** The text a project is found by: its code, organization, servers, hosting and its keys' summaries. */
function haystack(p: Project): string {
  return [p.handshakeCode, p.organizationId, p.mainServerUrl, p.standbyServerUrl, HOSTING_LABELS[p.hosting].label, ...p.keys.map((k) => k.summary)]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

/**
 * Projects whose text contains every word of the search, in the order main sent them. The whole
 * list is in the cache already (the page shows it), so filtering here costs less than asking again.
 */
export function searchProjects(projects: Project[], search: string): Project[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return projects;
  return projects.filter((p) => {
    const text = haystack(p);
    return words.every((w) => text.includes(w));
  });
}
