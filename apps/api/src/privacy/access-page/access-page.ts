import { exportFileName, type AccessDocument, type SubjectExport } from '#application';
import { escapeHtml, mailLanguage } from '#journeys';
import { ACCESS_WORDS, type AccessWords } from './access-words';
import { htmlPage, section, table } from './page-shell';

/**
 * Art. 12(1), 15: the same answer as the JSON, readable and printable, in the person's language.
 * `withDownload` adds the JSON as a file the person can save (the copy of Art. 15(3), 20).
 */
export function accessPage(document: SubjectExport, withDownload: boolean): string {
  if (document.status !== 'registered') return erasedPage(document.subjectId);
  const lang = mailLanguage(document.personalData.locale);
  const w = ACCESS_WORDS[lang];
  const intro = `<h1>${escapeHtml(w.title)}</h1><p>${escapeHtml(w.intro(document.rights.controller.name, day(document.exportedAt)))}</p>`;
  const body = [
    intro,
    withDownload ? downloadLink(document, w) : '',
    personalDataSection(document, w),
    consentSection(document, w),
    purposeSection(document, w),
    automatedSection(document, w),
    listsSection(document, w),
    rightsSection(document, w),
    `<p>${escapeHtml(w.machineReadable)}</p>`,
  ].join('');
  return htmlPage(lang, w.title, body);
}

const day = (iso: string | undefined) => (iso ?? '').slice(0, 16).replace('T', ' ');

function downloadLink(document: AccessDocument, w: AccessWords): string {
  const json = Buffer.from(JSON.stringify(document, null, 2)).toString('base64');
  const name = exportFileName(document.subjectId);
  return `<p><a class="download" download="${escapeHtml(name)}" href="data:application/json;base64,${json}">${escapeHtml(w.download)}</a></p>`;
}

function personalDataSection(d: AccessDocument, w: AccessWords): string {
  const source = (field: string) => {
    const found = d.sources.find((s) => s.field === field);
    return found
      ? `${found.sourceSystem ?? '–'} (${w.recordedBy} ${found.recordedBy}, ${day(found.recordedAt)})`
      : null;
  };
  const points = d.personalData.contactPoints.flatMap((p) =>
    p.status === 'active' ? [[p.channel, p.address, source(`contactPoints.${p.contactPointId}`)]] : [],
  );
  const profile = Object.entries(d.personalData.profile).map(([name, value]) => [
    name,
    value,
    source(`profile.${name}`),
  ]);
  const rows = [[w.language, d.personalData.locale, source('locale')], ...points, ...profile];
  return section(w.personalData, table([w.field, w.value, w.source], rows), w.portable);
}

function consentSection(d: AccessDocument, w: AccessWords): string {
  const rows = d.consents.map((c) => {
    const evidence = 'grant' in c ? c.grant.evidence : undefined;
    const proof = evidence ? `${evidence.method}, ${day(evidence.capturedAt)}, ${evidence.sourceSystem}` : null;
    const text = 'consentText' in c && c.consentText ? c.consentText.text : null;
    return [c.scope.topicId, c.scope.channel, c.status, proof, text];
  });
  return section(
    w.consents,
    rows.length ? table([w.topic, w.channel, w.status, w.evidence, w.text], rows) : `<p>${escapeHtml(w.none)}</p>`,
    w.portable,
  );
}

function purposeSection(d: AccessDocument, w: AccessWords): string {
  const rows = d.purposes.map((p) => [
    { html: `<strong>${escapeHtml(p.title)}</strong><br>${escapeHtml(p.description)}` },
    `${p.legalBasis} (${p.legalBasisArticle})`,
    p.categoriesOfPersonalData.join('; '),
    p.recipients.map((r) => r.name).join('; '),
    p.retention.period,
  ]);
  return section(w.purposes, table([w.topic, w.legalBasis, w.categories, w.recipients, w.retention], rows));
}

function automatedSection(d: AccessDocument, w: AccessWords): string {
  const { decisions, profiling } = d.automatedDecisions;
  const lines = decisions.length
    ? decisions.map(
        (x) =>
          `<p><strong>${escapeHtml(x.topicId)}</strong>: ${escapeHtml(w.logic)}: ${escapeHtml(x.logic)}. ${escapeHtml(w.consequences)}: ${escapeHtml(x.consequences)}</p>`,
      )
    : [`<p>${escapeHtml(w.noAutomated)}</p>`];
  if (profiling.applies) lines.push(`<p>${escapeHtml(w.profilingFor(profiling.topicIds.join(', ')))}</p>`);
  return section(w.automated, lines.join(''));
}

function listsSection(d: AccessDocument, w: AccessWords): string {
  const objections = d.objections.map((o) => [JSON.stringify(o.scope), day(o.raisedAt)]);
  const blocks = d.blocks.map((b) => [JSON.stringify(b.scope), b.status, day(b.setAt)]);
  const requests = d.requests.map((r) => [r.kind, r.status, day(r.receivedAt), day(r.dueAt)]);
  const list = (title: string, headers: string[], rows: string[][]) =>
    section(title, rows.length ? table(headers, rows) : `<p>${escapeHtml(w.none)}</p>`);
  return [
    list(w.objections, [w.scope, w.since], objections),
    list(w.blocks, [w.scope, w.status, w.since], blocks),
    list(w.requests, [w.kind, w.status, w.since, w.due], requests),
  ].join('');
}

function rightsSection(d: AccessDocument, w: AccessWords): string {
  const { rights, controller, supervisoryAuthority: a } = d.rights;
  const items = rights.map((r) => `<li>${escapeHtml(w.rightNames[r.right])} (${escapeHtml(r.article)})</li>`).join('');
  const authority = a.name === null ? w.authorityUnset : [a.name, a.address, a.url].filter(Boolean).join(', ');
  const contact = `<p>${escapeHtml(w.contact)}: ${escapeHtml(controller.name)}, ${escapeHtml(controller.contact)}</p>`;
  return section(w.rights, `<ul>${items}</ul>${contact}<p>${escapeHtml(w.complaint)}: ${escapeHtml(authority)}</p>`);
}

function erasedPage(subjectId: string): string {
  const body = `<h1>Gelöscht · Erased</h1><p>${escapeHtml(subjectId)}: Die personenbezogenen Daten wurden gelöscht. The personal data was erased.</p>`;
  return htmlPage('en', 'Erased', body);
}
