import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { stringify } from 'yaml';

/** Builds the OpenAPI contract from the application's decorators (STYLE habit 4). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('DEAR ⇄ ShipStation bridge')
    .setDescription(
      'Shipping rates and labels through ShipStation for DEAR Inventory (Cin7 Core) sales, and store-style order sync. ' +
        'Errors are application/problem+json with a stable `code`. See SPEC.md for the contract.',
    )
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key: the admin key or one made with POST /v1/api-keys' })
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}

export function openApiYaml(document: OpenAPIObject): string {
  return stringify(document, { aliasDuplicateObjects: false, sortMapEntries: false });
}
