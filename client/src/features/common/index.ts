export { ApiStatus } from './ApiStatus';
export { ErrorMessage } from './ErrorMessage';
export { formatDate, isPast, localeOf } from './format';
export { PageHeading } from './PageHeading';
export { useApi } from './use-api';
