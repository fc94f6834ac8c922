import { getDocument, GlobalWorkerOptions, PDFWorker } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

// The worker is a file of the app's own build, served from its own origin: the page's policy allows
// workers from 'self' only (electron/core/platform/csp.ts). pdf.js 6 compiles no code at run time,
// so the policy needs no eval allowance.
GlobalWorkerOptions.workerSrc = workerUrl;

let worker: PDFWorker | null = null;
/** One worker for every preview: starting pdf.js's worker takes longer than reading a PO. */
function sharedWorker(): PDFWorker {
  worker ??= new PDFWorker();
  return worker;
}

export interface RenderedPage {
  pageCount: number;
  /** The first page's size in PDF points. */
  width: number;
  height: number;
}

/**
 * Draws the first page of a PDF into the canvas at `cssWidth` CSS pixels wide (sharp on high-density
 * screens). `signal` stops a render that a newer PDF has overtaken.
 */
export async function renderFirstPage(pdf: Uint8Array, canvas: HTMLCanvasElement, cssWidth: number, signal: AbortSignal): Promise<RenderedPage> {
  // pdf.js takes the buffer over (it is transferred to the worker): give it a copy.
  const task = getDocument({ data: pdf.slice(), worker: sharedWorker() });
  signal.addEventListener('abort', () => void task.destroy(), { once: true });
  try {
    const doc = await task.promise;
    const page = await doc.getPage(1);
    const base = page.getViewport({ scale: 1 });
    const ratio = window.devicePixelRatio || 1;
    const viewport = page.getViewport({ scale: (cssWidth / base.width) * ratio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    // Drawn for the width it has now; CSS scales it if the window is resized later.
    canvas.style.width = '100%';
    canvas.style.height = 'auto';
    await page.render({ canvas, viewport }).promise;
    return { pageCount: doc.numPages, width: base.width, height: base.height };
  } finally {
    // Frees the document; the shared worker stays.
    if (!signal.aborted) void task.destroy();
  }
}
