import type { CasePlan, CaseWritable } from '../../../contracts/cases/case.schemas';
import type { GrantTotals } from '../../../contracts/cases/grant.schemas';
import { formatMoney, type Money } from '../../../contracts/cases/money';
import { CHECKPOINTS, ROAD_MAP_STOPS } from '../../../contracts/cases/road-map';
import type { ExportLanguage, PdfBlock, PdfDocumentModel, PdfFact } from '../../export';
import { deadlineKey } from '../../../contracts/workflows/i18n-keys.util';
import { namedStage, type GivenStageNames } from '../../../contracts/workflows/stage-name.util';
import type { CaseDeadline, CaseRecord } from '../storage/case.model';

/**
 * What of a case goes into its plan of assistance as a document. Every member except `plan` and `createdAt` is
 * present only when the reader's rules permit that field group; the builder never looks anywhere else.
 */
export interface PlanView {
  plan: CasePlan;
  createdAt: Date;
  reference?: string;
  alias?: string;
  organisation?: string;
  /** `stageNames`: the names the administrator gave stages in the definition version the case runs on. */
  workflow?: { workflowId: string | null; stageNames?: GivenStageNames; activeStages: string[]; deadlines: CaseDeadline[] };
  consents?: CaseRecord['consents'];
  /** The checkpoints' evidence (language level, legal status), for readers of the integration group. */
  integration?: CaseWritable['integration'];
  /** The reintegration grant's totals, for readers who may see the grant. */
  grant?: { currency: string; country: string; totals: GrantTotals; paidLocal: Money[] };
  /** Some group the document would show is withheld from this reader. */
  omitted: boolean;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The four facilitating factors of the road map (seed 000). */
const FACTORS = ['information', 'safety', 'empowerment', 'stability'] as const;

/** Dates as the reader's language writes them. Plan dates are calendar days (`2025-03-04`), so read as UTC. */
function dateFormatter(locale: string) {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return (value: unknown): string => {
    if (!(typeof value === 'string' || value instanceof Date)) return '';
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? text(value) : format.format(date);
  };
}

/** Active leaf stages: paths no other active path extends (what a person reads as "where the case is"). */
function leafStages(paths: string[]): string[] {
  return paths.filter((path) => !paths.some((other) => other.startsWith(`${path}/`)));
}

export function planDocument(view: PlanView, lang: ExportLanguage, now: Date): PdfDocumentModel {
  const { t } = lang;
  const date = dateFormatter(lang.locale);
  const stopName = (stop: string) => t(`plan.stops.${stop}`, { defaultValue: stop });
  const workflowId = view.workflow?.workflowId ?? null;
  const stageName = (path: string) => namedStage(t, workflowId ? [workflowId] : [], path, view.workflow?.stageNames, lang.language);
  const blocks: PdfBlock[] = [];

  const facts: PdfFact[] = [];
  if (view.reference) facts.push({ label: t('cases.reference'), value: view.reference });
  if (view.alias) facts.push({ label: t('cases.alias'), value: view.alias });
  if (view.organisation) facts.push({ label: t('layout.organisation'), value: view.organisation });
  if (view.workflow) facts.push({ label: t('planPdf.stage'), value: leafStages(view.workflow.activeStages).map(stageName).join(', ') || '—' });
  facts.push({ label: t('timeline.created'), value: date(view.createdAt) });
  facts.push({ label: t('plan.printedOn'), value: date(now) });
  blocks.push({ kind: 'heading', text: t('planPdf.case') }, { kind: 'facts', rows: facts });

  const plan = view.plan;
  blocks.push({ kind: 'heading', text: t('plan.goals') }, { kind: 'paragraph', text: text(plan.ownGoals) || '—' });

  const goals = plan.goals ?? [];
  blocks.push({ kind: 'heading', text: t('plan.actions') });
  if (goals.length === 0) blocks.push({ kind: 'paragraph', text: t('planPdf.noActions'), muted: true });
  for (const goal of goals) {
    const rows: PdfFact[] = [];
    if (goal.provider) rows.push({ label: t('plan.provider'), value: text(goal.provider) });
    if (goal.owner) rows.push({ label: t('plan.owner'), value: t(`plan.owners.${text(goal.owner)}`, { defaultValue: text(goal.owner) }) });
    if (goal.startDate) rows.push({ label: t('planPdf.start'), value: date(goal.startDate) });
    if (goal.dueDate) rows.push({ label: t('plan.due'), value: date(goal.dueDate) });
    rows.push({ label: t('plan.status'), value: t(`plan.statuses.${goal.status ?? 'planned'}`, { defaultValue: text(goal.status) }) });
    blocks.push({ kind: 'entry', title: stopName(text(goal.stop)), detail: text(goal.description), rows });
  }

  if (plan.nextReviewDate) blocks.push({ kind: 'facts', rows: [{ label: t('plan.nextReview'), value: date(plan.nextReviewDate) }] });
  blocks.push(...roadMapBlocks(view, lang, date));

  const risks = plan.riskFlags ?? [];
  if (risks.length > 0) {
    const items = risks.map((risk) => {
      const level = t(`plan.riskLevels.${risk.level}`, { defaultValue: risk.level });
      return [`${risk.flag}: ${level}`, text(risk.note)].filter(Boolean).join(' — ');
    });
    blocks.push({ kind: 'heading', text: t('planPdf.risks') }, { kind: 'list', items });
  }

  const reviews = plan.reviewDates ?? [];
  if (reviews.length > 0) blocks.push({ kind: 'heading', text: t('plan.reviews') }, { kind: 'list', items: [...reviews].sort().map(date) });

  if (view.grant) blocks.push(...grantBlocks(view.grant, lang));

  if (view.workflow) {
    blocks.push({ kind: 'heading', text: t('caseDetail.deadlines') });
    const deadlines = [...view.workflow.deadlines].sort((a, b) => new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime());
    if (deadlines.length === 0) blocks.push({ kind: 'paragraph', text: t('caseDetail.noDeadlines'), muted: true });
    else {
      blocks.push({
        kind: 'list',
        items: deadlines.map((d) => {
          const name = workflowId ? t(deadlineKey(workflowId, d.deadlineId), { defaultValue: d.deadlineId }) : d.deadlineId;
          const overdue = new Date(d.dueAt) <= now ? ` — ${t('cases.overdue')}` : '';
          return `${name} (${stageName(d.stagePath)}): ${date(d.dueAt)}${overdue}`;
        }),
      });
    }
  }

  if (view.consents) {
    blocks.push({ kind: 'heading', text: t('caseDetail.consents') });
    const entries = Object.entries(view.consents);
    if (entries.length === 0) blocks.push({ kind: 'paragraph', text: t('caseDetail.noConsents'), muted: true });
    else {
      blocks.push({
        kind: 'facts',
        rows: entries.map(([recipient, consent]) => ({
          label: t(`consent.recipients.${recipient}`, { defaultValue: recipient }),
          value: consent.withdrawn
            ? t('consent.withdrawn', { date: date(consent.withdrawnOn) })
            : consent.given
              ? t('consent.given', { date: date(consent.givenOn) })
              : t('consent.notGiven'),
        })),
      });
    }
  }

  if (view.omitted) blocks.push({ kind: 'paragraph', text: t('planPdf.omitted'), muted: true });

  const title = t('plan.title');
  const label = view.reference ?? '';
  return {
    language: lang.locale,
    direction: lang.rtl ? 'rtl' : 'ltr',
    title,
    subtitle: [view.reference, view.alias].filter(Boolean).join(' · ') || undefined,
    // Document properties carry the pseudonymous reference only, never the alias.
    info: { title: label ? `${title} ${label}` : title },
    blocks,
    notice: t('planPdf.confidential'),
    footer: (page, pages) => [label, t('planPdf.page', { page, pages })].filter(Boolean).join(' · '),
  };
}

/**
 * The reintegration grant's totals in the grant's currency (minor units, in the reader's number format), and what was
 * paid in the country of return's currency.
 */
function grantBlocks(grant: NonNullable<PlanView['grant']>, lang: ExportLanguage): PdfBlock[] {
  const { t } = lang;
  const money = (minor: number, currency = grant.currency) => formatMoney(minor, currency, lang.locale);
  const local = grant.paidLocal.filter((paid) => paid.currency !== grant.currency);
  const rows: PdfFact[] = [
    { label: t('grant.country'), value: t(`workflows:jurisdictions.${grant.country}.name`, { defaultValue: grant.country }) },
    { label: t('grant.granted'), value: money(grant.totals.granted) },
    { label: t('grant.increaseApproved'), value: money(grant.totals.increaseApproved) },
    ...(grant.totals.increasePending > 0 ? [{ label: t('grant.increasePending'), value: money(grant.totals.increasePending) }] : []),
    { label: t('grant.disbursed'), value: money(grant.totals.disbursed) },
    ...(local.length > 0 ? [{ label: t('grant.paidLocal'), value: local.map((paid) => money(paid.minor, paid.currency)).join(', ') }] : []),
    { label: t('grant.remaining'), value: money(grant.totals.remaining) },
  ];
  return [{ kind: 'heading', text: t('grant.title') }, { kind: 'facts', rows }];
}

/**
 * The road map for integration (seed 000) as the frame of the plan, as the case page shows it: the desired state and
 * the facilitating factors, the 21 stops with the state of their service track, the need recorded and the actions
 * planned, the two checkpoints with their evidence, and the obstacles recorded.
 */
function roadMapBlocks(view: PlanView, lang: ExportLanguage, date: (value: unknown) => string): PdfBlock[] {
  const { t } = lang;
  const plan = view.plan;
  const services = plan.services ?? {};
  const checkpoints = plan.checkpoints ?? {};
  const goals = plan.goals ?? [];
  const state = (value: string | undefined) => (value ? t(`plan.serviceStates.${value}`, { defaultValue: t('roadMap.stateUnknown') }) : t('roadMap.notOnTheWay'));
  const blocks: PdfBlock[] = [
    { kind: 'heading', text: t('roadMap.title') },
    { kind: 'paragraph', text: `${t('roadMap.desiredStateLabel')} ${t('roadMap.desiredState')}` },
    { kind: 'paragraph', text: t('roadMap.factorsLabel') },
    { kind: 'list', items: FACTORS.map((factor) => t(`roadMap.factors.${factor}`)) },
    { kind: 'heading', text: t('roadMap.stops') },
    {
      kind: 'facts',
      rows: ROAD_MAP_STOPS.map((stop) => {
        const need = plan.needs?.[stop];
        const planned = goals.filter((goal) => goal.stop === stop).length;
        const parts = [state(services[stop]), need && t(`roadMap.needs.${need}`, { defaultValue: need }), planned > 0 && t('roadMap.actionsPlanned', { n: planned })];
        return { label: t(`plan.stops.${stop}`), value: parts.filter(Boolean).join(' · ') };
      }),
    },
  ];
  const integration = view.integration ?? {};
  const level = integration.languageLevel === 'preA1' ? 'pre-A1' : integration.languageLevel;
  const evidence: Record<(typeof CHECKPOINTS)[number], string> = {
    languageCheckpoint: level ? t('roadMap.languageLevel', { level }) : t('roadMap.noEvidence'),
    legalStatusCheckpoint: integration.legalStatus
      ? [t(`roadMap.legalStatuses.${integration.legalStatus}`), integration.legalStatusExpiry && t('roadMap.expires', { date: date(integration.legalStatusExpiry) })].filter(Boolean).join(', ')
      : t('roadMap.noEvidence'),
  };
  blocks.push(
    { kind: 'heading', text: t('roadMap.checkpoints') },
    { kind: 'facts', rows: CHECKPOINTS.map((checkpoint) => ({ label: t(`plan.stops.${checkpoint}`), value: `${state(checkpoints[checkpoint])} — ${evidence[checkpoint]}` })) },
    { kind: 'heading', text: t('roadMap.obstacles') },
  );
  const obstacles = plan.obstacles ?? [];
  if (obstacles.length === 0) blocks.push({ kind: 'paragraph', text: t('roadMap.noObstacles'), muted: true });
  else {
    blocks.push({ kind: 'list', items: obstacles.map((o) => t(`plan.obstacles.${o}`, { defaultValue: o })) });
    // Assistance never depends on cooperating with the police: say so wherever that obstacle is written down.
    if (obstacles.includes('unwillingToReport')) blocks.push({ kind: 'paragraph', text: t('planPdf.policeNote'), muted: true });
  }
  return blocks;
}
