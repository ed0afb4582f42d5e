/**
 * Small templates for the template tests, written as an author would
 * (defaults left out). `saasPrescreen` is the conditional example of
 * docs/templates.md and docs/scoring.md section 13.
 */
import { getControl } from '#shared/catalogue/coreV1.ts';
import { controlSnapshot } from '#shared/templates/builtIn.ts';
import type { TemplateDefinitionInput } from '#shared/templates/schema.ts';

export function saasPrescreen(): TemplateDefinitionInput {
  return {
    key: 'saas-prescreen',
    name: 'SaaS pre-screen',
    description: 'A short pre-screen for software vendors.',
    sections: [
      { id: 'access', title: 'Access', description: 'How people sign in.' },
      { id: 'data', title: 'Data', description: 'How the data you hold for us is protected.' },
      { id: 'integrations', title: 'Integrations' },
    ],
    questions: [
      { id: 'IAM-01', type: 'control', section: 'access', control: controlSnapshot(getControl('IAM-01')) },
      {
        id: 'sso',
        type: 'single_choice',
        section: 'access',
        text: 'How do your staff sign in to the systems that hold our data?',
        severity: 'high',
        options: [
          { id: 'sso-mfa', label: 'Single sign-on with phishing-resistant MFA', score: 1 },
          { id: 'sso', label: 'Single sign-on with other MFA', score: 0.5 },
          { id: 'local', label: 'Separate passwords per system', score: 0 },
        ],
      },
      {
        id: 'protections',
        type: 'multiple_choice',
        section: 'data',
        text: 'Which of these protect the data you hold for us?',
        severity: 'high',
        options: [
          { id: 'encrypt-rest', label: 'Encrypted at rest', score: 0.5 },
          { id: 'encrypt-transit', label: 'Encrypted in transit', score: 0.25 },
          { id: 'keys', label: 'Keys held in a KMS or HSM, away from the data', score: 0.25 },
        ],
      },
      {
        id: 'has-integrations',
        type: 'yes_partial_no',
        section: 'integrations',
        text: 'Does your service connect to our systems (API, OAuth app, file transfer)?',
        severity: 'low',
        weight: 0,
      },
      {
        id: 'token-lifetime',
        type: 'number',
        section: 'integrations',
        text: 'How many days does an access token for our systems live?',
        severity: 'medium',
        bands: [
          { max: 1, score: 1 },
          { min: 1, max: 30, score: 0.5 },
          { min: 30, score: 0 },
        ],
        condition: { question: 'has-integrations', anyOf: ['yes', 'partial'] },
      },
      {
        id: 'integration-notes',
        type: 'text',
        section: 'integrations',
        text: 'Which of our systems do you connect to?',
        required: false,
        condition: { question: 'has-integrations', anyOf: ['yes', 'partial'] },
      },
    ],
  };
}
