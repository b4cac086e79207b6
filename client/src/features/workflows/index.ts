export { LazyStageGraph } from './LazyStageGraph';
export { GivenStageNamesProvider, useEventName, useStageLabel, useStageName } from './StageName';
export { useGivenStageNames } from './use-given-stage-names';
export { useCaseWorkflowDefinition } from './use-workflow';
