import { z } from 'zod';
import { Hosting, Project } from '../../domain/project.js';
import { Id } from './common.js';
import { read, write } from './define.js';

export const projectsChannels = {
  'projects:list': read(z.undefined(), z.array(Project)),
  'projects:get': read(Id, Project),
  'projects:byCode': read(z.strictObject({ handshakeCode: z.string().max(200) }), Project),
  /** The answer to "who hosts this project's License Server?", asked by the renew and add-quota wizards. */
  'projects:setHosting': write(z.strictObject({ handshakeCode: z.string().max(200), hosting: Hosting }), Project),
} as const;
