import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_VERSION } from './api-version';

/**
 * OpenAPI 3 generated from the DTOs, served at /api/v1/openapi.json (servers url /api/v1, as the
 * Dutch API Design Rules want) with human docs at /api/docs.
 */
export function setupOpenApi(app: INestApplication): void {
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
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/v1/openapi.json',
    yamlDocumentUrl: 'api/v1/openapi.yaml',
    customSiteTitle: 'Doorbraakbudget API',
  });
}
