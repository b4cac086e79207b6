import { useTranslation } from 'react-i18next';

/** A stage's display name from locales/<lng>/workflows.json (`<workflow>.stages.<stageId>`), else its id. */
export function useStageName(workflowId: string | undefined) {
  const { t } = useTranslation('workflows');
  return (path: string) => {
    const id = path.split('/').at(-1)!;
    return workflowId ? t(`${workflowId}.stages.${id}`, { defaultValue: id }) : id;
  };
}

export function useEventName(workflowId: string | undefined) {
  const { t } = useTranslation('workflows');
  return (event: string) => (workflowId ? t(`${workflowId}.events.${event}`, { defaultValue: event }) : event);
}
