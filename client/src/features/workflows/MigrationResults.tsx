import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MigrationResult, MigrationRow } from '@contracts/cases/case-migration.types';
import { useSession } from '../session';

interface Props {
  result: MigrationResult;
  /** Whether the workflow was cloned from a template or shared workflow, whose cases it can take over. */
  hasUpstream: boolean;
  stageName: (path: string) => string;
  /** Runs the migration for real; offered after a dry run that found cases which can move. */
  onMigrate: () => void;
}

/** Per case: whether it can move to the new version (dry run) or has moved, and why not when it cannot. */
export function MigrationResults({ result, hasUpstream, stageName, onMigrate }: Props) {
  const { t } = useTranslation();
  const { ability } = useSession();
  // An administrator may move cases without reading them: the reference is then text, not a link to a closed page.
  const canOpenCases = ability.can('read', 'Case');
  const version = result.toVersion;
  const movable = result.cases.filter((row) => row.ok).length;
  const moved = result.cases.filter((row) => row.migrated).length;
  const stay = result.cases.length - (result.dryRun ? movable : moved);
  // The results appear below the graph: bring them into view and move focus to them, for keyboard and screen readers.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [result]);
  const outcome = (row: MigrationRow) => {
    if (result.dryRun) return row.ok ? t('migration.canMove') : t('migration.cannotMove');
    return row.migrated ? t('migration.moved') : t('migration.notMoved');
  };
  return (
    <section aria-labelledby="migration-title">
      <h2 id="migration-title" ref={heading} tabIndex={-1}>
        {result.dryRun ? t('migration.dryRunTitle', { version }) : t('migration.doneTitle', { version })}
      </h2>
      {result.cases.length === 0 ? (
        <p>{hasUpstream ? t('migration.noCasesWithUpstream', { version }) : t('migration.noCases', { version })}</p>
      ) : (
        <>
          <p role="status">
            {result.dryRun
              ? t('migration.canMoveCount', { count: movable, version })
              : t('migration.movedCount', { count: moved, version })}{' '}
            {stay > 0 && t('migration.stayCount', { count: stay })}
          </p>
          <table className="data-table migration">
            <thead>
              <tr>
                <th scope="col">{t('migration.case')}</th>
                <th scope="col">{t('migration.runsOn')}</th>
                <th scope="col">{t('migration.stages')}</th>
                <th scope="col">{t('migration.result')}</th>
                <th scope="col">{t('migration.why')}</th>
              </tr>
            </thead>
            <tbody>
              {result.cases.map((row) => (
                <tr key={row.caseId} className={row.ok && row.migrated !== false ? undefined : 'blocked'}>
                  <th scope="row">{canOpenCases ? <Link to={`/cases/${row.caseId}`}>{row.reference}</Link> : row.reference}</th>
                  <td>
                    {row.fromUpstream ? t('migration.upstreamVersion', { version: row.fromVersion }) : t('migration.ownVersion', { version: row.fromVersion })}
                  </td>
                  <td>
                    <ul className="plain">
                      {row.stages.map((stage) => (
                        <li key={stage.from}>
                          {stage.to
                            ? t('migration.stageGoesTo', { from: stageName(stage.from), to: stageName(stage.to) })
                            : t('migration.stageGone', { from: stageName(stage.from), version })}
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <span className={row.ok && row.migrated !== false ? 'status-tag' : 'status-tag warning'}>{outcome(row)}</span>
                  </td>
                  <td>{row.reason ? t(`migration.reasons.${row.reason}`, { stage: row.stagePath ? stageName(row.stagePath) : '', version, defaultValue: row.reason }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.dryRun && movable > 0 && (
            <button type="button" className="primary" onClick={onMigrate}>
              {t('migration.migrateNow', { count: movable, version })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
