import type { Request, RequestHandler } from 'express';
import { TextDecoder } from 'node:util';
import multer from 'multer';
import { DomainError } from '../common/domain-error';

/** Largest bank statement file accepted by upload (the JSON `xml` field stays within the 100 kB body limit). */
export const STATEMENT_MAX_BYTES = 5 * 1024 * 1024;
/** The multipart field that carries the camt.053 file. */
export const STATEMENT_FILE_FIELD = 'file';

/** Where a statement can be uploaded as multipart/form-data: the API and the administrator's page. */
const UPLOAD_PATHS = new Set(['/api/v1/bank-statements', '/admin/bank-statements']);

type UploadRequest = Request & { file?: multer.File; statementUploadError?: DomainError; session?: { userId?: string } };

const fileProblem = (message: string, code: string, args: Record<string, string | number> = {}): DomainError =>
  DomainError.invalidField(STATEMENT_FILE_FIELD, message, code, 'body', args);

/** A multer (busboy) failure as the problem the handler answers with. */
function uploadProblem(err: unknown): DomainError {
  const code = (err as { code?: unknown })?.code;
  if (err instanceof multer.MulterError || typeof code === 'string') {
    switch (code) {
      case 'LIMIT_FILE_SIZE':
        return new DomainError('too_large', 'STATEMENT.TOO_LARGE', `${STATEMENT_FILE_FIELD}: is larger than ${STATEMENT_MAX_BYTES / 1024 / 1024} MB (${STATEMENT_MAX_BYTES} bytes), the most one statement upload can be; ask the bank for one statement per day`, [
          { in: 'body', location: `#/${STATEMENT_FILE_FIELD}`, code: 'STATEMENT.TOO_LARGE', detail: `is larger than ${STATEMENT_MAX_BYTES} bytes` },
        ], { maxBytes: STATEMENT_MAX_BYTES });
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FILE_COUNT':
        return fileProblem(`send one camt.053 file, as the multipart field "${STATEMENT_FILE_FIELD}"${(err as { field?: string }).field && (err as { field?: string }).field !== STATEMENT_FILE_FIELD ? ` (not "${String((err as { field?: string }).field).slice(0, 40)}")` : ''}`, 'STATEMENT.UPLOAD_FIELDS');
      case 'LIMIT_FIELD_VALUE':
        if ((err as { field?: string }).field === 'xml') {
          return new DomainError('too_large', 'STATEMENT.PASTE_TOO_LARGE', `xml: is larger than 100 kB; upload the statement as the file field "${STATEMENT_FILE_FIELD}" instead`, [
            { in: 'body', location: '#/xml', code: 'STATEMENT.PASTE_TOO_LARGE', detail: 'is larger than 100 kB' },
          ]);
        }
        return fileProblem(`the upload has more or larger form fields than a statement upload needs; send only the field "${STATEMENT_FILE_FIELD}"`, 'STATEMENT.UPLOAD_FIELDS');
      case 'LIMIT_PART_COUNT':
      case 'LIMIT_FIELD_COUNT':
      case 'LIMIT_FIELD_KEY':
        return fileProblem(`the upload has more or larger form fields than a statement upload needs; send only the field "${STATEMENT_FILE_FIELD}"`, 'STATEMENT.UPLOAD_FIELDS');
      default:
        break;
    }
  }
  return fileProblem(`the multipart/form-data body is malformed: ${String((err as Error)?.message ?? err).slice(0, 120)}`, 'STATEMENT.UPLOAD_MALFORMED');
}

/**
 * Parses a multipart statement upload (multer, in memory, at most STATEMENT_MAX_BYTES, one file) on
 * the two upload paths, before the CSRF check runs, so that a browser form's hidden `_csrf` field
 * is read from the multipart body like from any other form. Only for a logged-in session or a
 * bearer token: anonymous uploads are not buffered (the route's guards refuse them). A parse
 * failure does not answer here: it is kept for the handler, which answers 413/400 in the API's
 * problem format or on the page in Dutch.
 */
export function statementUpload(): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    // fields: the page's _csrf token and its textarea (pasted XML, as large as a JSON body may be)
    limits: { fileSize: STATEMENT_MAX_BYTES, files: 1, fields: 4, fieldSize: 100 * 1024, fieldNameSize: 100, parts: 5, headerPairs: 50 },
  }).single(STATEMENT_FILE_FIELD);
  return (req, res, next) => {
    const r = req as UploadRequest;
    const path = (req.originalUrl ?? req.url).split('?')[0].replace(/\/+$/, '');
    if (req.method !== 'POST' || !UPLOAD_PATHS.has(path) || !req.is('multipart/form-data')) return next();
    if (!req.headers.authorization && !r.session?.userId) return next();
    parse(req, res, (err?: unknown) => {
      if (err) r.statementUploadError = uploadProblem(err);
      next();
    });
  };
}

/** Was the request a multipart upload (whether or not it carried a file)? */
export const isMultipart = (req: Request): boolean => Boolean(req.is('multipart/form-data'));

/**
 * The uploaded statement as text, or null when no file was uploaded. Refuses (400/413) what the
 * upload middleware refused, an empty file, and bytes that are not text in the XML's declared
 * encoding (UTF-8 unless the XML declaration or a byte-order mark says otherwise).
 */
export function uploadedStatement(req: Request): { name: string; xml: string } | null {
  const r = req as UploadRequest;
  if (r.statementUploadError) throw r.statementUploadError;
  if (!r.file) return null;
  return { name: r.file.originalname, xml: decodeStatement(r.file.buffer) };
}

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** Bytes of an XML file → text, in the encoding its byte-order mark or XML declaration names. */
export function decodeStatement(bytes: Buffer): string {
  if (!bytes.length) throw fileProblem('is empty: choose the camt.053 XML file from the bank', 'STATEMENT.EMPTY');
  const bom = BOMS.find(([mark]) => mark.every((b, i) => bytes[i] === b));
  const declared = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._-]{1,40})["']/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1];
  const label = bom?.[1] ?? (declared ?? 'utf-8').toLowerCase();
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw fileProblem(`declares encoding "${declared}", which cannot be read; save the statement as UTF-8`, 'STATEMENT.ENCODING', { declared: declared ?? '' });
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw fileProblem(`is not valid ${label.toUpperCase()} text${declared ? '' : ' (no other encoding is declared)'}: is it the camt.053 XML file from the bank?`, 'STATEMENT.ENCODING', { encoding: label.toUpperCase() });
  }
}
