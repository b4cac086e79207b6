import { lazy, Suspense, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';

const FormRenderer = lazy(() => import('./FormRenderer'));
const FormBuilderPanel = lazy(() => import('./FormBuilderPanel'));

function Loading() {
  const { t } = useTranslation();
  return <p role="status">{t('common.loadingForm')}</p>;
}

/** The renderer arrives in its own chunk when a page first shows a form. */
export function LazyFormRenderer(props: ComponentProps<typeof FormRenderer>) {
  return (
    <Suspense fallback={<Loading />}>
      <FormRenderer {...props} />
    </Suspense>
  );
}

export function LazyFormBuilder(props: ComponentProps<typeof FormBuilderPanel>) {
  return (
    <Suspense fallback={<Loading />}>
      <FormBuilderPanel {...props} />
    </Suspense>
  );
}
