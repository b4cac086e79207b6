// The public face of the export module: PDF rendering and the export language that case documents use.
export { exportLanguage, type ExportLanguage } from './export-language';
export { type PdfBlock, type PdfDocumentModel, type PdfFact, renderPdf } from './pdf-renderer';
