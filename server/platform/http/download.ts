/** Stored files (evidence) sent to the browser. */
import { createReadStream } from 'node:fs';
import { create as contentDisposition } from 'content-disposition';
import type { FastifyReply } from 'fastify';
import { asciiFallbackName } from '../fileNames.ts';

export interface StoredFile {
  mimeType: string;
  originalName: string;
  sizeBytes: number;
}

/**
 * Sends a stored evidence file. Always a download, never rendered in our
 * origin, so a crafted file cannot run as part of Tollgate. The name goes
 * in `filename*` (RFC 6266/8187, UTF-8, any script or emoji) with a plain
 * ASCII `filename=` for clients that know only that; the header itself is
 * always ASCII, whatever the name.
 */
export function sendFile(reply: FastifyReply, download: { file: StoredFile; fd: number }) {
  const { file, fd } = download;
  return reply
    .header('content-type', file.mimeType)
    .header('content-length', file.sizeBytes)
    .header('content-disposition', contentDisposition(file.originalName, { fallback: asciiFallbackName(file.originalName) }))
    .header('cache-control', 'private, no-store')
    .send(createReadStream('', { fd }));
}

