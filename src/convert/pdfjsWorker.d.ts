// PDF.js's worker module has no types of its own; the converter only hands it to PDF.js.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
