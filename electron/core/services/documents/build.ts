import type { JobContext } from '../progress.js';
import { buildPoEml } from './eml.js';
import { poDocDefinition, renderPdf, type PoDocumentInput } from './po-pdf.js';

/** What the PDF and the e-mail draft of one PO are made from; the date is the draft's Date header. */
export interface PoDocumentsInput extends PoDocumentInput {
  /** ISO time: plain data, so the input crosses to a job worker as it is. */
  date: string;
  pdfFileName: string;
}

export interface PoDocumentBytes {
  pdf: Uint8Array;
  eml: Uint8Array;
}

/**
 * Where PO documents are rendered. The app hands this to the PO service as a job-worker builder
 * (`electron/core/jobs/documents.ts`), so a long PO never holds up the thread that answers IPC;
 * `inProcessBuilder` renders on the calling thread (the services' tests, scripts).
 */
export interface PoDocumentBuilder {
  /** The PDF and the .eml draft with that PDF attached. */
  documents(input: PoDocumentsInput): Promise<PoDocumentBytes>;
  /** The PDF alone, for the preview in the builder. */
  pdf(input: PoDocumentInput): Promise<Uint8Array>;
}

/** Renders the PDF, saying how far pdfmake has come (0–100 %), then builds the .eml around it. */
export async function buildPoDocuments(input: PoDocumentsInput, ctx?: JobContext): Promise<PoDocumentBytes> {
  ctx?.progress('rendering', 0, 100);
  const pdf = await renderPdf(poDocDefinition(input), ctx && ((share) => ctx.progress('rendering', Math.round(share * 100), 100)));
  ctx?.progress('attaching', 100, 100);
  const eml = await buildPoEml({ po: input.po, company: input.company, vendor: input.settings.vendor, pdf, pdfFileName: input.pdfFileName, date: new Date(input.date) });
  return { pdf, eml };
}

export const inProcessBuilder: PoDocumentBuilder = {
  documents: (input) => buildPoDocuments(input),
  pdf: (input) => renderPdf(poDocDefinition(input)),
};
