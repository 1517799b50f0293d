import { useEffect, useState } from 'react';
import { PAGE_ACTIONS, type PageName, useCan } from '../access.tsx';
import type { User } from '../api.ts';
import { useI18n } from '../language.tsx';
import { Link, type Route } from '../router.tsx';
import { Icon } from './icon.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import './site-header.css';

type Section = PageName;

/** The navigation section a page belongs to, when it is not a section's own page. */
const SECTION_OF: Partial<Record<Route['name'], Section>> = {
  person: 'people',
  screening: 'people',
  transfer: 'transfers',
  manifest: 'manifests',
  facility: 'facilities',
  allocation: 'facilities',
  regime: 'facilities',
  incidents: 'facilities',
  incident: 'facilities',
  compliance: 'facilities',
  invoices: 'finance',
  invoice: 'finance',
};

interface SiteHeaderProps {
  route: Route;
  user: User | null;
  onLogout: () => void;
}

/**
 * The USWDS basic header: the name of the app, the primary navigation, who is signed in, sign-out and the
 * language switch. On small screens the navigation folds behind a Menu button, as USWDS's own script does.
 */
export function SiteHeader({ route, user, onLogout }: SiteHeaderProps) {
  const { t, label } = useI18n();
  const can = useCan();
  const [open, setOpen] = useState(false);

  useEffect(() => {
    document.body.classList.toggle('usa-js-mobile-nav--active', open);
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  const section = SECTION_OF[route.name] ?? route.name;
  const navLink = (href: string, name: Section, text: string) =>
    can(PAGE_ACTIONS[name]) && (
      <li className="usa-nav__primary-item">
        <Link
          href={href}
          className={section === name ? 'usa-nav-link usa-current' : 'usa-nav-link'}
          aria-current={section === name ? 'page' : undefined}
          onClick={() => setOpen(false)}
        >
          <span>{text}</span>
        </Link>
      </li>
    );

  return (
    <>
      <header className="usa-header usa-header--basic custodia-header">
        <div className="usa-nav-container">
          <div className="usa-navbar">
            <div className="usa-logo">
              <em className="usa-logo__text">
                <Link href={user ? '/' : '/login'}>{t('app.name')}</Link>
              </em>
              <span className="custodia-tagline">{t('app.tagline')}</span>
            </div>
            <button type="button" className="usa-menu-btn" aria-expanded={open} onClick={() => setOpen(true)}>
              {t('nav.menu')}
            </button>
          </div>
          <nav aria-label={t('nav.label')} className={open ? 'usa-nav is-visible' : 'usa-nav'}>
            <button type="button" className="usa-nav__close" onClick={() => setOpen(false)}>
              <Icon name="close" />
              <span className="usa-sr-only">{t('nav.close')}</span>
            </button>
            {user && (
              <ul className="usa-nav__primary usa-accordion">
                {navLink('/', 'dashboard', t('nav.dashboard'))}
                {navLink('/people', 'people', t('nav.people'))}
                {navLink('/transfers', 'transfers', t('nav.transfers'))}
                {navLink('/manifests', 'manifests', t('nav.manifests'))}
                {navLink('/facilities', 'facilities', t('nav.facilities'))}
                {navLink('/finance', 'finance', t('nav.finance'))}
                {navLink('/users', 'users', t('nav.users'))}
              </ul>
            )}
            <div className="custodia-header__tools">
              {user && (
                <>
                  <p className="custodia-header__user">
                    {t('header.signedInAs', { name: user.name })}
                    <span className="usa-sr-only">, </span>
                    <span className="custodia-header__role">{label('role', user.role)}</span>
                  </p>
                  <button type="button" className="usa-button usa-button--outline" onClick={onLogout}>
                    {t('header.logout')}
                  </button>
                </>
              )}
              <LanguageSwitch />
            </div>
          </nav>
        </div>
      </header>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the overlay only mirrors the Close button for pointer users. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: Escape and the Close button close the menu from the keyboard. */}
      <div className={open ? 'usa-overlay is-visible' : 'usa-overlay'} onClick={() => setOpen(false)} />
    </>
  );
}
