/**
 * "Preview as the vendor sees it": the draft rendered by the portal's own
 * question components (client/src/questionnaire/) and the portal's own
 * stylesheet, inside a frame so neither the staff app's styles nor the
 * portal's leak into each other (ADR 0033). The frame is narrow or wide
 * with the page, so a phone-width window previews the phone layout.
 * Nothing the previewer answers is saved.
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { TemplateContent } from '#shared/templates/schema.ts';
import portalCss from '../../../questionnaire/portal.css?inline';
import { QuestionnairePreview } from '../../../questionnaire/QuestionnairePreview.tsx';
import { Section } from '../../../components/Section.tsx';
import './templatePreview.css';

// A blank page with the portal's language and title; the preview is drawn into its body.
const FRAME_PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Preview of the questionnaire</title></head><body><main class="site-main container" id="preview-root"></main></body></html>';

/** React draws into the frame's document (events work there: React listens on a portal's container). */
function Frame({ title, children }: { title: string; children: ReactNode }) {
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const load = (frame: HTMLIFrameElement) => {
    const doc = frame.contentDocument;
    if (!doc) return;
    const style = doc.createElement('style');
    style.textContent = portalCss;
    doc.head.append(style);
    setRoot(doc.getElementById('preview-root'));
  };
  return (
    <>
      <iframe title={title} srcDoc={FRAME_PAGE} className="template-preview" onLoad={(event) => load(event.currentTarget)} />
      {root ? createPortal(children, root) : null}
    </>
  );
}

export function TemplatePreview({ content }: { content: TemplateContent }) {
  const [open, setOpen] = useState(false);
  return (
    <Section
      title="Preview"
      description="The draft as the vendor will see it in the portal. Try answers to see follow-up questions appear; nothing you answer here is saved or sent."
    >
      <Stack gap="sm">
        <Group>
          <Button variant={open ? 'default' : 'filled'} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
            {open ? 'Close the preview' : 'Preview as the vendor sees it'}
          </Button>
          {open ? (
            <Text size="sm" c="gray.7">
              Severities show as the catalogue sets them; a vendor&apos;s own access can make a control critical for it.
            </Text>
          ) : null}
        </Group>
        {open ? (
          <Frame title="Preview of the questionnaire as the vendor sees it">
            <QuestionnairePreview content={content} />
          </Frame>
        ) : null}
      </Stack>
    </Section>
  );
}
