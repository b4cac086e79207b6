export { asSubject } from './ability';
export { OrganisationSwitcher } from './OrganisationSwitcher';
export { RequireAuth } from './RequireAuth';
export { useSession } from './session-context';
export { SessionProvider } from './SessionProvider';
export { SetPasswordPage } from './SetPasswordPage';
export { SignInPage } from './SignInPage';
export { SignOutButton } from './SignOutButton';
