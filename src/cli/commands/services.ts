import type { Command } from 'commander';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { invalid } from '../../core/errors.ts';
import type { Case } from '../../core/model.ts';
import { importHsds, inventoryToHsds, renderHsdsImport } from '../../exchange/hsds.ts';
import type { HsdsRead } from '../../formats/hsds/model.ts';
import { HSDS_LIMITS, readHsdsFiles, readHsdsJson, readHsdsZip } from '../../formats/hsds/read.ts';
import { hsdsCsvFiles, hsdsJson, hsdsZip } from '../../formats/hsds/write.ts';
import type { ProjectStore } from '../../store/store.ts';
import { CLI_ACTOR, emit, globals, withProject } from '../context.ts';
import { renderTable } from '../render.ts';
import { readInputFile, writeFileAtomically } from '../files.ts';

const collect = (value: string, previous: string[]) => [...previous, value];

/** HSDS has about thirty tables; a folder with far more files is not a data package. */
const MAX_FOLDER_FILES = 100;

/** A path's kind, with a clear error for one that is missing or unreadable. */
function statOf(path: string): 'file' | 'folder' | 'missing' {
  try {
    const s = statSync(path);
    return s.isDirectory() ? 'folder' : 'file';
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw invalid(`cannot read ${path}: ${(err as Error).message}`);
  }
}

/** A folder of CSV files (and datapackage.json), a .zip of them, or the JSON form. */
function readHsdsInput(path: string): HsdsRead {
  const kind = statOf(path);
  if (kind === 'missing') throw invalid(`cannot read ${path}: no such file or folder`);
  if (kind === 'folder') {
    const names = readdirSync(path).filter((n) => /\.(csv|json)$/i.test(n) && statOf(join(path, n)) === 'file');
    if (names.length > MAX_FOLDER_FILES) throw invalid(`${path} holds ${names.length} CSV and JSON files; an HSDS package has at most ${MAX_FOLDER_FILES}`);
    return readHsdsFiles(new Map(names.map((n) => [n, readInputFile(join(path, n), HSDS_LIMITS.maxFileBytes)])));
  }
  const bytes = readInputFile(path, HSDS_LIMITS.maxFileBytes);
  return /\.json$/i.test(path) ? readHsdsJson(bytes, path) : readHsdsZip(bytes, path);
}

/** The site named `ref`, or a usage-level error listing the sites. */
async function findSite(project: ProjectStore, ref: string): Promise<Case> {
  const sites = await project.listCases({ kind: 'site' });
  const site = sites.find((s) => s.id === ref || s.name.toLocaleLowerCase() === ref.trim().toLocaleLowerCase());
  if (!site) throw invalid(`no site "${ref}": the sites are ${sites.map((s) => s.name).join(', ') || 'not defined yet'}`);
  return site;
}

export function registerServicesCommands(program: Command): void {
  program
    .command('services')
    .description('the services inventory: organisations per site and the needs their services meet')
    .option('--site <name>', 'only organisations at this site')
    .action(async (opts: { site?: string }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const site = opts.site ? await findSite(project, opts.site) : undefined;
        const sites = new Map((await project.listCases({ kind: 'site' })).map((s) => [s.id, s.name]));
        const needs = new Map((await project.listNeeds()).map((n) => [n.id, n.name]));
        const services = await project.listServices();
        const organisations = (await project.listServiceOrganisations(site ? { siteId: site.id } : {})).map((o) => ({
          ...o,
          site: sites.get(o.siteId)!,
          services: services.filter((s) => s.organisationId === o.id).map((s) => ({ ...s, needs: s.needIds.map((id) => needs.get(id)!) })),
        }));
        organisations.sort((a, b) => a.site.localeCompare(b.site) || a.name.localeCompare(b.name));
        emit(g, { organisations }, () =>
          organisations.length === 0
            ? 'No organisations in the services inventory yet: add one with crosswise add-organisation, or import-hsds.'
            : renderTable(
                ['site', 'organisation', 'type', 'service', 'needs met'],
                organisations.flatMap((o) =>
                  (o.services.length ? o.services : [{ name: '—', needs: [] as string[] }]).map((s, i) => [
                    i === 0 ? o.site : '',
                    i === 0 ? `${o.name}${o.caseId ? '' : ' (not interviewed)'}` : '',
                    i === 0 ? o.type : '',
                    s.name,
                    s.needs.join('; '),
                  ]),
                ),
              ),
        );
      });
    });

  program
    .command('add-organisation')
    .description('add an organisation to the services inventory (linked to the study’s organisation case of that name, if any)')
    .argument('<name>', 'name of the organisation')
    .requiredOption('--site <name>', 'the site it serves')
    .option('--type <type>', 'kind of provider, e.g. "Women\'s organisation"')
    .option('--population <name>', 'a population served, e.g. "Aboriginal people" (repeatable)', collect, [])
    .option('--language <name>', 'a language services are offered in (repeatable)', collect, [])
    .option('--description <text>', 'what the organisation does')
    .option('--phone <number>', 'telephone number')
    .option('--email <address>', 'e-mail address')
    .option('--url <url>', 'web site')
    .action(async (name: string, opts: { site: string; type?: string; population: string[]; language: string[]; description?: string; phone?: string; email?: string; url?: string }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const site = await findSite(project, opts.site);
        const studied = (await project.listCases({ kind: 'organisation' })).find((c) => c.parentId === site.id && c.name.toLocaleLowerCase() === name.trim().toLocaleLowerCase());
        const { site: _site, population, language, ...rest } = opts;
        const created = await project.createServiceOrganisation({ ...rest, name: studied?.name ?? name, siteId: site.id, caseId: studied?.id ?? null, populations: population, languages: language });
        emit(g, created, () => `Added "${created.name}" (${site.name})${studied ? ', the organisation the study interviewed' : ''}.`);
      });
    });

  program
    .command('add-service')
    .description('add a service an inventory organisation offers, with the needs it meets')
    .argument('<organisation>', 'the organisation (name, or Site/Name)')
    .argument('<name>', 'name of the service')
    .option('--need <name>', 'a need the service meets, from the needs catalogue (repeatable)', collect, [])
    .option('--description <text>', 'what the service offers')
    .action(async (ref: string, name: string, opts: { need: string[]; description?: string }, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const organisation = await project.findServiceOrganisation(ref);
        const needIds = await Promise.all(opts.need.map(async (n) => (await project.findNeed(n)).id));
        const created = await project.createService({ organisationId: organisation.id, name, description: opts.description, needIds });
        emit(g, created, () => `Added "${created.name}" to "${organisation.name}"${opts.need.length ? `, meeting ${opts.need.length} need${opts.need.length > 1 ? 's' : ''}` : ''}.`);
      });
    });

  program
    .command('export-hsds')
    .description('export the services inventory as Open Referral HSDS: a folder of CSV files, a .zip of them, or one .json document')
    .argument('<out>', 'folder, .zip or .json to write')
    .action(async (out: string, _opts: unknown, command: Command) => {
      const g = globals(command);
      await withProject(g, CLI_ACTOR, async (project) => {
        const dataset = await inventoryToHsds(project);
        const files: string[] = [];
        if (/\.json$/i.test(out)) {
          writeFileAtomically(out, new TextEncoder().encode(hsdsJson(dataset)));
          files.push(out);
        } else if (/\.zip$/i.test(out)) {
          writeFileAtomically(out, hsdsZip(dataset));
          files.push(out);
        } else {
          if (statOf(out) === 'file') throw invalid(`${out} is a file: give a folder, a .zip or a .json`);
          mkdirSync(out, { recursive: true });
          for (const [name, bytes] of hsdsCsvFiles(dataset)) {
            writeFileAtomically(join(out, name), bytes);
            files.push(join(out, name));
          }
        }
        const counts = { organisations: dataset.organization.length, services: dataset.service.length, taxonomyTerms: dataset.taxonomy_term.length };
        emit(g, { out, files, counts }, () => `Wrote ${out}: ${counts.organisations} organisations, ${counts.services} services, ${counts.taxonomyTerms} taxonomy terms.`);
      });
    });

  program
    .command('import-hsds')
    .description('import an Open Referral HSDS inventory (folder of CSV files, .zip or .json) into the services inventory, with a report')
    .argument('<in>', 'folder, .zip or .json to read')
    .action(async (input: string, _opts: unknown, command: Command) => {
      const g = globals(command);
      const read = readHsdsInput(input);
      await withProject(g, CLI_ACTOR, async (project) => {
        const report = await importHsds(project, read);
        emit(g, { report }, () => renderHsdsImport(report));
      });
    });
}
