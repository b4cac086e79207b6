export { MainNav } from './MainNav';
export { RouteAnnouncer } from './RouteAnnouncer';
