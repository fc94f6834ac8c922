import { z } from 'zod';
import { Project } from '../../domain/project.js';
import { Id } from './common.js';
import { read } from './define.js';

export const projectsChannels = {
  'projects:list': read(z.undefined(), z.array(Project)),
  'projects:get': read(Id, Project),
  'projects:byCode': read(z.strictObject({ handshakeCode: z.string().max(200) }), Project),
} as const;
