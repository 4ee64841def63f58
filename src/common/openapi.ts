import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_VERSION } from './api-version';

/**
 * OpenAPI 3 generated from the DTOs, served at /api/v1/openapi.json (servers url /api/v1, as the
 * Dutch API Design Rules want) with human docs at /api/docs.
 */
export function setupOpenApi(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Doorbraakbudget API')
    .setDescription(
      'Flexibel, persoonsvolgend budget voor zorg- en veiligheidsnetwerken: fondsen, aanvragen, goedkeuringen, ' +
        'kostenvergelijking met de reguliere route en verantwoording aan de stuurgroep. Money is always a decimal string.',
    )
    .setVersion(API_VERSION)
    .setContact('Doorbraakbudget team', 'https://github.com/doorbraakbudget', 'team@doorbraakbudget.example')
    .setLicense('EUPL-1.2', 'https://eupl.eu/1.2/nl/')
    .addServer('/api/v1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    // paths are documented relative to the server url /api/v1
    ignoreGlobalPrefix: true,
  });
  const paths: typeof document.paths = {};
  for (const [path, item] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    paths[path.slice('/api/v1'.length)] = item;
  }
  document.paths = paths;
  addContractDefaults(document);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/v1/openapi.json',
    yamlDocumentUrl: 'api/v1/openapi.yaml',
    customSiteTitle: 'Doorbraakbudget API',
  });
  return document;
}

/**
 * Operation extension (set with @ApiExtension) holding the schema of a multipart/form-data request
 * body that is accepted besides the JSON one: @ApiBody gives every media type the same schema, so
 * the document gets the multipart schema from here.
 */
export const MULTIPART_ALTERNATIVE = 'x-multipart-alternative';

const PROBLEM_RESPONSES: Record<string, string> = {
  '400': 'Bad input; `detail` and `errors` name the field',
  '401': 'Not logged in, or the token expired',
  '403': 'Not allowed for this user',
  '404': 'Unknown id, or not visible to this user',
  '409': 'State conflict (e.g. the fund cannot cover it, the request is in another state, or an Idempotency-Key reused with another body)',
  '413': 'The request body is larger than 100 kB',
  '415': 'The request body is not JSON',
  '422': 'A business rule refuses the well-formed request (e.g. above the mandate)',
  '429': 'Too many attempts; wait and try again',
  '503': 'The database cannot be reached; nothing was changed',
};

/**
 * What every operation shares but the DTO decorators cannot say: the `API-Version` header on
 * every success, and RFC 9457 problem responses (the ADR ruleset checks both).
 */
function addContractDefaults(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.headers = {
    ...(document.components.headers ?? {}),
    'API-Version': {
      description: 'Full semantic version of the API',
      required: true,
      schema: { type: 'string', example: API_VERSION },
    },
  };
  document.components.schemas = {
    ...(document.components.schemas ?? {}),
    Problem: {
      type: 'object',
      description: 'RFC 9457 problem details',
      required: ['type', 'title', 'status', 'detail'],
      properties: {
        type: { type: 'string', format: 'uri-reference' },
        title: { type: 'string', example: 'Bad Request' },
        status: { type: 'integer', example: 400 },
        detail: { type: 'string', example: 'invalid amount: amount must be a decimal string with at most 2 decimals' },
        instance: { type: 'string', example: '/api/v1/requests' },
        code: { type: 'string', example: 'VALIDATION' },
        errors: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              in: { type: 'string', enum: ['body', 'query', 'path', 'header'] },
              location: { type: 'string', example: '#/amount' },
              code: { type: 'string' },
              detail: { type: 'string' },
            },
          },
        },
      },
    },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item[method];
      if (!op) continue;
      const extensions = op as unknown as Record<string, unknown>;
      const multipart = extensions[MULTIPART_ALTERNATIVE];
      if (multipart) {
        delete extensions[MULTIPART_ALTERNATIVE];
        const body = op.requestBody && !('$ref' in op.requestBody) ? op.requestBody : undefined;
        if (body) body.content['multipart/form-data'] = { schema: multipart as Record<string, unknown> };
      }
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        if (/^[23]\d\d$/.test(status) && response && !('$ref' in response)) {
          response.headers = { ...(response.headers ?? {}), 'API-Version': { $ref: '#/components/headers/API-Version' } };
        }
      }
      const isPublic = path === '/auth/token';
      const writes = method !== 'get';
      // every status the operation can answer: unknown ids in a body are a 404 too, any write can conflict
      const statuses = [
        // the token endpoint answers 403 when password login is switched off (PASSWORD_LOGIN=false)
        '400', '401', ...(isPublic ? ['403', '429'] : ['403', '404']), ...(writes && !isPublic ? ['409', '422'] : []),
        ...(op.requestBody ? ['413'] : []), '503',
      ];
      for (const status of statuses) {
        op.responses[status] ??= {
          description: PROBLEM_RESPONSES[status],
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        };
      }
    }
  }
}
