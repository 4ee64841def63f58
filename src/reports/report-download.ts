import { applyDecorators, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiProduces } from '@nestjs/swagger';

/** A generated file as a download with its file name (Content-Type, Content-Disposition, Content-Length). */
export function download(body: Buffer, type: string, filename: string): StreamableFile {
  return new StreamableFile(body, {
    type,
    disposition: `attachment; filename="${filename.replace(/["\\\r\n]/g, '')}"`,
    length: body.length,
  });
}

const PROBLEM = { 'application/problem+json': { schema: { type: 'object' } } };
const VERSION_HEADER = { 'API-Version': { description: 'full version of the API', schema: { type: 'string', example: '1.0.0' } } };

/** OpenAPI of a download route: the file with its headers, and the problems it can answer with. */
export function ApiDownload(mediaType: string, description: string) {
  return applyDecorators(
    ApiProduces(mediaType),
    ApiOkResponse({
      description,
      headers: { ...VERSION_HEADER, 'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' } } },
      content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
    }),
    ApiBadRequestResponse({ description: 'a parameter is invalid; the detail names it', headers: VERSION_HEADER, content: PROBLEM }),
    ApiForbiddenResponse({ description: 'not allowed for this user', headers: VERSION_HEADER, content: PROBLEM }),
    ApiNotFoundResponse({ description: 'unknown fund or request', headers: VERSION_HEADER, content: PROBLEM }),
  );
}
