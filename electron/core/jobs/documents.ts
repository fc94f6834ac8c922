import type { PoDocumentBuilder } from '../services/documents/build.js';
import type { JobRunner } from './runner.js';

/**
 * PO documents rendered in a job worker: pdfmake lays out a long PO for a noticeable time, and on the
 * thread that answers IPC every other call would wait for it. Builds run in the read lane (they write
 * nothing to the store), with progress as job:progress events of kind "document"; the bytes come back
 * to the PO service, which saves them through the platform port.
 */
export function jobDocumentBuilder(runner: JobRunner): PoDocumentBuilder {
  return {
    documents: (input) => runner.run({ task: 'documents.po', input, kind: 'document', ref: input.po.number, writes: false, channel: 'po:generate' }).result,
    pdf: (input) => runner.run({ task: 'documents.poPdf', input, kind: 'document', ref: `preview:${input.po.number}`, writes: false, channel: 'po:previewPdf' }).result,
  };
}
