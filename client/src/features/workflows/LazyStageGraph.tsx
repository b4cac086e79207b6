import { lazy, Suspense, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

// The graph brings @xyflow/react and its stylesheet (about 240 KB). Other features reach it through this wrapper, so
// that importing the workflows face for a stage name never loads the graph: it arrives when a page first shows one.
// The `.js` suffix is for the tests' type check (nodenext, which client tests reach through this face); Vite and the
// client's own check (bundler resolution) resolve it to StageGraph.tsx.
const StageGraph = lazy(() => import('./StageGraph.js').then((module) => ({ default: module.StageGraph })));

export function LazyStageGraph(props: ComponentProps<typeof StageGraph>) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('common.loading')}</p>}>
      <StageGraph {...props} />
    </Suspense>
  );
}
