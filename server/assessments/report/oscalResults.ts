/**
 * A completed assessment as an OSCAL assessment-results document (JSON,
 * OSCAL 1.2.0), for GRC tools and auditors who read OSCAL rather than our
 * PDF. docs/oscal.md describes every field; in short:
 *
 * - one finding per failed question (target: the question, not-satisfied),
 *   pointing to the observation of the vendor's answer and to the risk;
 * - one observation per question that failed or has evidence: the answer
 *   (INTERVIEW) and the files on file for it (EXAMINE), each file with its
 *   download URL and SHA-256, also listed as a back-matter resource;
 * - one risk per failed question, its status following the remediation
 *   task: open, remediating, investigating (the fix awaits verification),
 *   deviation-approved (a named person accepted it until a date), closed;
 * - the vendor as a party and as every observation's subject.
 *
 * Every UUID is a version-5 UUID of the installation's public URL and the
 * record's id, so exporting twice gives the same document until something
 * in it changes (ADR 0034).
 */
import { and, asc, count, eq, inArray, isNull, max } from 'drizzle-orm';
import { v5 as uuidv5 } from 'uuid';
import { answers, assessments, evidenceFiles, questionnaireTemplates, remediationTasks, taskEvents, users, vendors } from '../../../drizzle/schema/index.ts';
import { OSCAL_VERSION, REMEDIATION_LIFECYCLE, RISK_STATUS, oscalToken } from '#shared/oscalResults.ts';
import { askedVersion } from '#shared/templates/asked.ts';
import { describeAnswer } from '#shared/templates/answers.ts';
import { computeQuestionnaireScore } from '#shared/scoring/questionnaireScore.ts';
import { needsRemediation } from '#shared/scoring/remediation.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { getOrganisation } from '../../platform/settings.ts';
import { getTemplateVersion } from '../../templates/index.ts';
import { loadAnswerMap } from '../../risk/index.ts';
import { loadThreads } from '../review/thread.ts';

/** Namespace of our own properties: a URN, so it claims no web domain. */
export const TOLLGATE_NS = 'urn:tollgate:oscal';
const ATTACK_SYSTEM = 'https://attack.mitre.org/';

/** One line of text: OSCAL titles may not hold a line break. */
const line = (text: string) => text.replace(/\s+/g, ' ').trim();
const iso = (date: Date) => date.toISOString();
/** An ISO date as the end of that day in UTC: an acceptance "until 2027-01-31" holds through that day. */
const endOfDay = (isoDate: string) => `${isoDate}T23:59:59Z`;
const prop = (name: string, value: string | number, ns = TOLLGATE_NS) => ({ name, value: String(value), ns });

export interface OscalExportOptions {
  /** The installation's public URL: evidence links point there, and UUIDs derive from it. */
  publicUrl: string;
}

export function buildOscalResults(db: Db, assessmentId: number, opts: OscalExportOptions) {
  const a = db.select().from(assessments).where(eq(assessments.id, assessmentId)).get();
  if (!a) throw notFound('The assessment');
  if (a.status !== 'completed' || !a.result || !a.completedAt) throw new AppError('PRECONDITION_FAILED', 'The OSCAL results are available once the review is completed.');
  const completedAt = a.completedAt;
  const vendor = db.select({ id: vendors.id, name: vendors.name }).from(vendors).where(eq(vendors.id, a.vendorId)).get()!;
  const version = getTemplateVersion(db, a.templateVersionId);
  const templateName = db.select({ name: questionnaireTemplates.name, key: questionnaireTemplates.key }).from(questionnaireTemplates).where(eq(questionnaireTemplates.id, version.templateId)).get()!;
  const asked = askedVersion(version);
  const answerMap = loadAnswerMap(db, assessmentId);
  const results = computeQuestionnaireScore(asked.questions, answerMap).questions;
  const answerRows = new Map(
    db
      .select({ controlId: answers.controlId, value: answers.value, response: answers.response, comment: answers.comment, answeredAt: answers.answeredAt })
      .from(answers)
      .where(eq(answers.assessmentId, assessmentId))
      .all()
      .map((r) => [r.controlId, r]),
  );
  const threads = loadThreads(db, assessmentId);
  const techniques = new Map(version.content.controls.map((c) => [c.id, c.techniques]));
  const tasks = new Map(
    db
      .select({
        id: remediationTasks.id,
        controlId: remediationTasks.controlId,
        severity: remediationTasks.severity,
        status: remediationTasks.status,
        dueDate: remediationTasks.dueDate,
        acceptedBy: remediationTasks.acceptedBy,
        acceptedByName: users.name,
        acceptedAt: remediationTasks.acceptedAt,
        acceptanceJustification: remediationTasks.acceptanceJustification,
        acceptanceExpiresOn: remediationTasks.acceptanceExpiresOn,
        closedAt: remediationTasks.closedAt,
      })
      .from(remediationTasks)
      .leftJoin(users, eq(users.id, remediationTasks.acceptedBy))
      .where(eq(remediationTasks.assessmentId, assessmentId))
      .all()
      .map((t) => [t.controlId, t]),
  );
  const taskIds = [...tasks.values()].map((t) => t.id);
  const taskControl = new Map([...tasks.values()].map((t) => [t.id, t.controlId]));
  // Each change to a task (status or owner) is a row of its history: the document's version and last-modified follow them.
  const changes = taskIds.length
    ? db.select({ count: count(), last: max(taskEvents.at) }).from(taskEvents).where(inArray(taskEvents.taskId, taskIds)).get()
    : undefined;
  const changeCount = changes?.count ?? 0;
  const lastChange = changes?.last ?? null;
  const evidence = db
    .select({ id: evidenceFiles.id, controlId: evidenceFiles.controlId, taskId: evidenceFiles.taskId, name: evidenceFiles.originalName, mimeType: evidenceFiles.mimeType, sizeBytes: evidenceFiles.sizeBytes, sha256: evidenceFiles.sha256, createdAt: evidenceFiles.createdAt })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.assessmentId, assessmentId), isNull(evidenceFiles.deletedAt)))
    .orderBy(asc(evidenceFiles.id))
    .all();

  // Every UUID in the document derives from the installation and the record: stable across exports, distinct across installations.
  const base = opts.publicUrl.replace(/\/+$/, '');
  const installation = uuidv5(base, uuidv5.URL);
  const uuid = (name: string) => uuidv5(`assessment/${assessmentId}/${name}`, installation);
  const vendorParty = uuidv5(`vendor/${vendor.id}`, installation);
  const organisation = getOrganisation(db).name;
  const organisationParty = uuidv5('organisation', installation);
  const personParty = (userId: string) => uuidv5(`user/${userId}`, installation);
  const evidenceResource = (id: number) => uuidv5(`evidence/${id}`, installation);
  const templateResource = uuidv5(`template-version/${version.id}`, installation);
  const evidenceHref = (id: number) => `${base}/api/evidence/${id}`;

  const evidenceFor = (controlId: string) => {
    const task = tasks.get(controlId);
    return evidence.filter((e) => e.controlId === controlId || (e.taskId !== null && task !== undefined && e.taskId === task.id));
  };

  const observations: object[] = [];
  const risks: object[] = [];
  const findings: object[] = [];
  for (const [i, question] of asked.questions.entries()) {
    const result = results[i]!;
    const failed = needsRemediation(result);
    const files = evidenceFor(question.id);
    if (!failed && files.length === 0) continue;
    const token = oscalToken(question.id);
    const answer = answerRows.get(question.id);
    const answerText = answer ? describeAnswer(question, answer.value, answer.response) : null;
    const reviewNote = threads.get(question.id)?.findLast((m) => m.authorType === 'staff')?.body ?? null;
    const observationUuid = uuid(`observation/${question.id}`);
    observations.push({
      uuid: observationUuid,
      title: line(`${question.id} ${question.title}: the vendor's answer${files.length ? ' and evidence' : ''}`),
      description: [
        `Question: ${question.question}`,
        `Answer: ${answerText ?? 'not answered'}`,
        answer?.comment ? `Vendor's comment: ${answer.comment}` : null,
        reviewNote ? `Reviewer's last note: ${reviewNote}` : null,
      ]
        .filter(Boolean)
        .join('\n\n'),
      props: [prop('question-id', question.id), prop('outcome', result.outcome)],
      // The questionnaire is the interview; files the reviewer read are the examination.
      methods: files.length ? ['INTERVIEW', 'EXAMINE'] : ['INTERVIEW'],
      types: [failed ? 'finding' : 'control-objective'],
      subjects: [{ 'subject-uuid': vendorParty, type: 'party', title: line(vendor.name) }],
      ...(files.length
        ? {
            'relevant-evidence': files.map((f) => ({
              href: evidenceHref(f.id),
              description: `${f.name} (${f.sizeBytes} bytes, SHA-256 ${f.sha256})${f.taskId !== null ? ', sent for the remediation task' : ''}`,
              props: [prop('sha-256', f.sha256), prop('evidence-id', f.id)],
              links: [{ href: `#${evidenceResource(f.id)}`, rel: 'reference', text: line(f.name) }],
            })),
          }
        : {}),
      collected: iso(answer?.answeredAt ?? a.submittedAt ?? completedAt),
    });
    if (!failed) continue;

    const task = tasks.get(question.id);
    const riskUuid = uuid(`risk/${question.id}`);
    const status = task ? RISK_STATUS[task.status] : 'open';
    const accepted = task?.status === 'risk_accepted' && task.acceptanceExpiresOn !== null;
    const threatIds = (techniques.get(question.id) ?? []).map((t) => ({ system: ATTACK_SYSTEM, id: `${ATTACK_SYSTEM}techniques/${t.replace('.', '/')}/` }));
    const riskLog = accepted
      ? [
          {
            uuid: uuid(`risk/${question.id}/acceptance`),
            title: line(`Risk accepted by ${task.acceptedByName ?? 'a former user'} until ${task.acceptanceExpiresOn}`),
            description: task.acceptanceJustification ?? '',
            start: iso(task.acceptedAt ?? completedAt),
            end: endOfDay(task.acceptanceExpiresOn!),
            ...(task.acceptedBy ? { 'logged-by': [{ 'party-uuid': personParty(task.acceptedBy) }] } : {}),
            'status-change': 'deviation-approved',
          },
        ]
      : [];
    risks.push({
      uuid: riskUuid,
      title: line(`${question.id} ${question.title} is not met`),
      description: question.whyItMatters || `The vendor's answer to "${line(question.question)}" does not meet the control.`,
      statement: line(`${vendor.name} does not fully meet ${question.id} (${result.outcome === 'partial' ? 'partly met' : 'not met'}).`) + (question.whyItMatters ? ` ${question.whyItMatters}` : ''),
      props: [
        prop('question-id', question.id),
        ...(task ? [prop('severity', task.severity), prop('task-id', task.id), prop('task-status', task.status)] : []),
        ...(accepted ? [prop('accepted-until', task.acceptanceExpiresOn!), prop('accepted-by', task.acceptedByName ?? 'a former user')] : []),
      ],
      status,
      ...(threatIds.length ? { 'threat-ids': threatIds } : {}),
      // An accepted risk must be looked at again when its acceptance ends; any other open one by its task's due date.
      ...(accepted ? { deadline: endOfDay(task.acceptanceExpiresOn!) } : task && status !== 'closed' ? { deadline: endOfDay(task.dueDate) } : {}),
      ...(question.remediation
        ? {
            remediations: [
              {
                uuid: uuid(`risk/${question.id}/remediation`),
                lifecycle: task ? REMEDIATION_LIFECYCLE[task.status] : 'recommendation',
                title: line(`Fix ${question.id} ${question.title}`),
                description: question.remediation,
              },
            ],
          }
        : {}),
      ...(riskLog.length ? { 'risk-log': { entries: riskLog } } : {}),
      'related-observations': [{ 'observation-uuid': observationUuid }],
    });
    findings.push({
      uuid: uuid(`finding/${question.id}`),
      title: line(`${question.id} ${question.title}`),
      description: `${question.question}\n\nThe vendor's answer ${result.outcome === 'partial' ? 'only partly meets' : 'does not meet'} this question: ${answerText ?? 'not answered'}.`,
      props: [prop('question-id', question.id), prop('outcome', result.outcome)],
      target: {
        type: 'objective-id',
        'target-id': token,
        title: line(question.title),
        status: { state: 'not-satisfied', reason: 'fail' },
      },
      'related-observations': [{ 'observation-uuid': observationUuid }],
      'related-risks': [{ 'risk-uuid': riskUuid }],
    });
  }

  const acceptors = new Map<string, string>();
  for (const t of tasks.values()) if (t.status === 'risk_accepted' && t.acceptedBy) acceptors.set(t.acceptedBy, t.acceptedByName ?? 'A former user');
  const lastModified = lastChange && lastChange > completedAt ? lastChange : completedAt;
  const reportUrl = `${base}/assessments/${assessmentId}/report`;

  return {
    'assessment-results': {
      uuid: uuid('results-document'),
      metadata: {
        title: line(`Assessment results: ${vendor.name}, ${templateName.name} questionnaire version ${version.version}`),
        published: iso(completedAt),
        'last-modified': iso(lastModified),
        // 1 as completed, then one more for each change to its remediation tasks (status or owner).
        version: String(1 + changeCount),
        'oscal-version': OSCAL_VERSION,
        links: [{ href: reportUrl, rel: 'alternate', 'media-type': 'text/html', text: 'The assessment report in Tollgate' }],
        roles: [
          { id: 'assessor', title: 'Assessor' },
          { id: 'assessed-vendor', title: 'Assessed vendor' },
          { id: 'risk-acceptor', title: 'Accepted a risk' },
        ],
        parties: [
          ...(organisation ? [{ uuid: organisationParty, type: 'organization', name: line(organisation) }] : []),
          { uuid: vendorParty, type: 'organization', name: line(vendor.name), props: [prop('vendor-id', vendor.id)] },
          ...[...acceptors].map(([id, name]) => ({ uuid: personParty(id), type: 'person', name: line(name) })),
        ],
        'responsible-parties': [
          ...(organisation ? [{ 'role-id': 'assessor', 'party-uuids': [organisationParty] }] : []),
          { 'role-id': 'assessed-vendor', 'party-uuids': [vendorParty] },
          ...(acceptors.size ? [{ 'role-id': 'risk-acceptor', 'party-uuids': [...acceptors.keys()].map(personParty) }] : []),
        ],
      },
      'import-ap': {
        href: `#${templateResource}`,
        remarks: 'Tollgate keeps no separate assessment plan: the plan is the questionnaire version the vendor answered, described in the back matter.',
      },
      results: [
        {
          uuid: uuid('result'),
          title: line(`${templateName.name} assessment of ${vendor.name}`),
          description: `The vendor answered the ${templateName.name} questionnaire (version ${version.version}) and a reviewer went through every answer and the evidence. ${findings.length} of ${asked.questions.length} questions are not fully met.`,
          start: iso(a.sentAt ?? a.createdAt),
          end: iso(completedAt),
          props: [
            prop('score', a.score ?? 0),
            prop('grade', a.grade ?? ''),
            prop('likelihood', a.likelihood ?? 0),
            prop('impact', a.impact ?? 0),
            prop('residual-risk', a.residual ?? 0),
            prop('residual-band', a.band ?? ''),
          ].filter((p) => p.value !== ''),
          'reviewed-controls': {
            'control-selections': [{ 'include-controls': asked.questions.map((q) => ({ 'control-id': oscalToken(q.id) })) }],
          },
          ...(observations.length ? { observations } : {}),
          ...(risks.length ? { risks } : {}),
          ...(findings.length ? { findings } : {}),
        },
      ],
      'back-matter': {
        resources: [
          {
            uuid: templateResource,
            title: line(`${templateName.name} questionnaire, version ${version.version}`),
            description: `The questionnaire this assessment asked: ${asked.questions.length} questions in ${asked.sections.length} sections. It stands in for the assessment plan.`,
            props: [prop('template-key', templateName.key), prop('template-version', version.version)],
          },
          ...evidence.map((f) => ({
            uuid: evidenceResource(f.id),
            title: line(f.name),
            description: f.controlId ? `Evidence the vendor gave for ${f.controlId}.` : `Evidence the vendor gave for the remediation task on ${taskControl.get(f.taskId ?? -1) ?? 'a control'}.`,
            props: [prop('evidence-id', f.id), prop('size-bytes', f.sizeBytes), prop('uploaded', iso(f.createdAt))],
            rlinks: [{ href: evidenceHref(f.id), 'media-type': f.mimeType, hashes: [{ algorithm: 'SHA-256', value: f.sha256 }] }],
          })),
        ],
      },
    },
  };
}

export type OscalAssessmentResults = ReturnType<typeof buildOscalResults>;
