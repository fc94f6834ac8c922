import { z } from 'zod';
import { Hosting, Project } from '../../domain/project.js';
import { ProjectUsage } from '../../domain/usage.js';
import { Id } from './common.js';
import { read, write } from './define.js';

export const projectsChannels = {
  'projects:list': read(z.undefined(), z.array(Project)),
  'projects:get': read(Id, Project),
  'projects:byCode': read(z.strictObject({ handshakeCode: z.string().max(200) }), Project),
  /** The answer to "who hosts this project's License Server?", asked by the renew and add-quota wizards. */
  /** The quota a project's unexpired items hold, per product and quota mode, with their usage readings. */
  'projects:usage': read(z.strictObject({ handshakeCode: z.string().max(200) }), z.array(ProjectUsage)),
  'projects:setHosting': write(z.strictObject({ handshakeCode: z.string().max(200), hosting: Hosting }), Project),
} as const;
