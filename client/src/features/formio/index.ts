export type { RenderedForm } from './FormRenderer';
export { LazyFormBuilder, LazyFormRenderer } from './LazyFormio';
