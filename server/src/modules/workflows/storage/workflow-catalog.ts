import { isValidObjectId, type Connection, type Types } from 'mongoose';
import { organisationModel } from '../../tenants';
import type { WorkflowDefinition } from '../../../contracts/workflows/workflow-definition.schemas';
import type { Jurisdiction } from '../jurisdictions/jurisdiction.schemas';
import { jurisdictionParameterValues } from '../jurisdictions/jurisdiction-parameters';
import { TEMPLATE_FORM_PATHS, WORKFLOWS_DIR } from '../templates/template-context';
import { loadJurisdictions } from '../templates/workflow-template.loader';
import { definitionFromText } from './definition-text';
import { findTemplateVersion, findWorkflowVersion } from './definition-keys';

/** Which definition a case runs on: a template version or a published version of an organisation's workflow. */
export interface DefinitionRef {
  source: 'template' | 'workflow';
  id: string;
  version: number;
}

/**
 * Finds definitions and the parameters they run with. Published versions never change, so a parsed definition is
 * kept per (source, id, version) for the life of the app; nothing mutable is cached.
 */
export class WorkflowCatalog {
  private readonly definitions = new Map<string, WorkflowDefinition>();
  private readonly jurisdictions: Map<string, Jurisdiction>;

  constructor(private readonly db: Connection, workflowsDir: string = WORKFLOWS_DIR) {
    this.jurisdictions = loadJurisdictions(workflowsDir);
  }

  async definition(ref: DefinitionRef): Promise<WorkflowDefinition | null> {
    const cacheKey = `${ref.source}:${ref.id}:${ref.version}`;
    const cached = this.definitions.get(cacheKey);
    if (cached) return cached;
    let text: string | undefined;
    if (ref.source === 'template') {
      text = (await findTemplateVersion(this.db, ref.id, ref.version))?.definitionText;
    } else if (isValidObjectId(ref.id)) {
      text = (await findWorkflowVersion(this.db, ref.id, ref.version))?.definitionText;
    }
    if (text === undefined) return null;
    const def = definitionFromText(text);
    this.definitions.set(cacheKey, def);
    return def;
  }

  /** The organisation's own values (`organisations.parameters`) over the jurisdiction file's defaults. */
  async parameters(orgId: Types.ObjectId | string, jurisdiction: string): Promise<Record<string, unknown>> {
    const defaults = this.jurisdictions.get(jurisdiction);
    const org = await organisationModel(this.db).findById(orgId, { parameters: 1 }).lean();
    return { ...(defaults ? jurisdictionParameterValues(defaults) : {}), ...(org?.parameters ?? {}) };
  }

  /** The codes of every jurisdiction the platform ships, sorted (countries of return among them). */
  jurisdictionCodes(): string[] {
    return [...this.jurisdictions.keys()].sort();
  }

  hasJurisdiction(code: string): boolean {
    return this.jurisdictions.has(code);
  }

  /**
   * Form paths a workflow of this organisation may require: the shipped form templates and the organisation's own
   * forms. The forms collection belongs to the forms module; only its `path` values are read here.
   */
  async formPaths(orgId: Types.ObjectId | string): Promise<Set<string>> {
    const paths = new Set(TEMPLATE_FORM_PATHS);
    try {
      const own = (await this.db.collection('forms').distinct('path', { orgId })) as unknown[];
      for (const path of own) if (typeof path === 'string') paths.add(path);
    } catch {
      // No forms collection yet: the template paths are what exists.
    }
    return paths;
  }
}
